// One lint configuration for every workspace. The engine and the protocol package run inside GraalJS,
// so wall-clock and global random reads are banned there: time and randomness come in through the Host.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noWallClock = {
  'no-restricted-properties': [
    'error',
    {
      object: 'Date',
      property: 'now',
      message: 'Take a Clock (shared-types/clock.ts) instead of reading the wall clock.',
    },
    { object: 'Math', property: 'random', message: 'Take a RandomSource (shared-types/clock.ts) instead.' },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'setTimeout', message: 'Take a Clock instead of a global timer.' },
    { name: 'setInterval', message: 'Take a Clock instead of a global timer.' },
    { name: 'process', message: 'No Node APIs in platform-free code.' },
    { name: 'window', message: 'No DOM in platform-free code.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-test/**',
      '**/bundle/**',
      '**/target/**',
      '.artifacts/**',
      'paper-plugin/**',
      'vj-hub/public/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared-types/src/**/*.ts', 'scripts/src/**/*.ts', 'audio-agent/src/analysis/**/*.ts'],
    ignores: ['shared-types/src/clock.ts'],
    rules: noWallClock,
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
