// Sums the JSON reports of Vitest and Playwright into the one line CI reads: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
const files = dir && existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
for (const file of files) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  if (report.stats && 'expected' in report.stats) {
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
  } else if ('numPassedTests' in report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    if (report.success === false && report.numFailedTests === 0) failed += 1;
  }
}
const extra = process.argv.indexOf('--extra-check');
if (extra > 0) {
  const [, code] = process.argv[extra + 1].split(':');
  if (code === '0') passed += 1;
  else failed += 1;
}
if (files.length === 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
