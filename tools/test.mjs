// npm test: build, lint, type check, every mocha test (unit and integration) and the Maven tests, then
// one summary line "N passed, N failed, N skipped". Exit status 1 on any failure.
// `npm test -- --no-java` skips Maven; `npm test -- --grep TEXT` filters mocha tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTypeScript } from './build.mjs';
import { findJdk, javaEnv, NO_JDK_MESSAGE } from './jdk.mjs';
import { run, step } from './run.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const argv = process.argv.slice(2);
const skipJava = argv.includes('--no-java');
const mochaArgs = argv.filter((a) => a !== '--no-java');
/** Every workspace's tests, unit and integration, then the cross-component end-to-end suite in `e2e/`. */
const TEST_DIRS = ['shared-types/test', 'scripts/test', 'audio-agent/test', 'vj-hub/test', 'e2e/test'];

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];
/** Names of failing tests, repeated at the end because CI logs are often cut to their last lines. */
const failedTests = [];

function check(name, ok) {
  if (ok) totals.passed++;
  else {
    totals.failed++;
    failedSteps.push(name);
  }
}

const built = await buildTypeScript();
check('build and type check', built);

step('Linting (eslint, prettier --check)');
check('lint', (await run('npm', ['run', 'lint', '--silent'], { cwd: root })) === 0);

if (built) {
  step('Running TypeScript tests (mocha)');
  const statsFile = path.join(os.tmpdir(), `audioviz-mocha-${process.pid}.json`);
  const code = await run(
    'npx',
    ['mocha', ...TEST_DIRS.filter(exists).map((dir) => `${dir}/**/*.test.ts`), ...mochaArgs],
    {
      cwd: root,
      env: { ...process.env, AUDIOVIZ_TEST_STATS: statsFile },
    },
  );
  if (fs.existsSync(statsFile)) {
    const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
    fs.rmSync(statsFile);
    totals.passed += stats.passed;
    totals.failed += stats.failed;
    totals.skipped += stats.skipped;
    failedTests.push(...(stats.failures ?? []));
    if (stats.failed > 0) failedSteps.push('mocha');
    else if (code !== 0) check('mocha exit status', false);
  } else check('mocha (did not report: crashed before the end?)', false);
}

if (!skipJava) {
  const jdk = findJdk(21);
  if (!jdk) {
    console.error(NO_JDK_MESSAGE);
    check('Java tests (no JDK)', false);
  } else {
    step(`Running Java tests (mvn verify, JDK ${jdk.version})`);
    const pluginDir = path.join(root, 'paper-plugin');
    removeReports(pluginDir); // so a deleted test's old report is not counted
    const code = await run('mvn', ['-B', '-q', 'verify'], { cwd: pluginDir, env: javaEnv(jdk) });
    const counts = surefireCounts(pluginDir);
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
    if (counts.failed > 0) failedSteps.push('maven tests');
    else if (code !== 0) check('maven build', false);
  }
}

function exists(dir) {
  return fs.existsSync(path.join(root, dir));
}

function removeReports(dir) {
  for (const module of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!module.isDirectory()) continue;
    for (const kind of ['surefire-reports', 'failsafe-reports']) {
      fs.rmSync(path.join(dir, module.name, 'target', kind), { recursive: true, force: true });
    }
  }
}

/** Sums the surefire/failsafe XML reports of every module. */
function surefireCounts(dir) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'src') walk(p);
      else if (/^TEST-.*\.xml$/.test(entry.name) && /(surefire|failsafe)-reports/.test(d)) {
        const head = fs.readFileSync(p, 'utf8').slice(0, 2000);
        const attr = (n) => Number((new RegExp(`<testsuite[^>]*\\s${n}="(\\d+)"`).exec(head) ?? [])[1] ?? 0);
        const tests = attr('tests');
        const failed = attr('failures') + attr('errors');
        const skipped = attr('skipped');
        counts.passed += tests - failed - skipped;
        counts.failed += failed;
        counts.skipped += skipped;
        if (failed > 0)
          failedTests.push(`${entry.name.replace(/^TEST-|\.xml$/g, '')} (see ${path.relative(root, p)})`);
      }
    }
  };
  walk(dir);
  return counts;
}

if (failedSteps.length > 0) console.log(`\nFailed: ${failedSteps.join(', ')}`);
for (const name of failedTests) console.log(`  ✗ ${name}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
