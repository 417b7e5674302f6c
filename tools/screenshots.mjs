// npm run screenshots: refreshes the README's pictures (docs/images/panel.png, preview.png) from a real hub in
// headless Chromium, through the same test that checks them in `npm test`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTypeScript } from './build.mjs';
import { run, step } from './run.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
if (!(await buildTypeScript())) process.exit(1);
step('Taking the screenshots (headless Chromium)');
const code = await run('npx', ['mocha', 'vj-hub/test/web/screenshots.integration.test.ts'], {
  cwd: root,
  env: { ...process.env, AUDIOVIZ_UPDATE_SCREENSHOTS: '1' },
});
console.log(
  code === 0 ? '\nUpdated docs/images/panel.png and docs/images/preview.png.' : '\nScreenshots failed.',
);
process.exit(code);
