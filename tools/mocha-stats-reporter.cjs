// Mocha's spec output, plus the run's counts and failing tests written to $AUDIOVIZ_TEST_STATS so
// tools/test.mjs can print one summary across mocha and Maven. The failures are repeated there because a
// CI log is often cut to its last lines, far from where mocha printed them.
const fs = require('node:fs');
const Mocha = require('mocha');

class StatsReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const failures = [];
    runner.on('fail', (test, err) => {
      const message = String(err?.message ?? err)
        .split('\n')[0]
        .slice(0, 300);
      failures.push(`${test.fullTitle()} (${test.file ?? 'unknown file'}): ${message}`);
    });
    runner.once('end', () => {
      const file = process.env.AUDIOVIZ_TEST_STATS;
      if (!file) return;
      const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
      fs.writeFileSync(file, JSON.stringify({ passed: passes, failed, skipped: pending, failures }));
    });
  }
}

module.exports = StatsReporter;
