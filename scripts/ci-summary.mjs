// Sums the JSON reports of Vitest and Playwright into the one line CI reads: "N passed, N failed".
// Before that line it names every failed test (report, file, title), so the tail of a CI log says what failed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
const failures = [];
// The first lines of a failure's message, colour codes removed: the tail of a CI log is often all one gets to read.
const firstLines = (message, n = 8) =>
  String(message ?? '')
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, n)
    .map((l) => `    ${l.slice(0, 400)}`)
    .join('\n');
const files = dir && existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];

function playwrightFailures(suites, report, trail = []) {
  for (const suite of suites ?? []) {
    const path = [...trail, suite.title].filter(Boolean);
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const error = (test.results ?? []).map((r) => r.error?.message).find(Boolean);
        failures.push(`${report}: ${[...path, spec.title].join(' › ')}${error ? `\n${firstLines(error)}` : ''}`);
      }
    }
    playwrightFailures(suite.suites, report, path);
  }
}

for (const file of files) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  if (report.stats && 'expected' in report.stats) {
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
    playwrightFailures(report.suites, file);
    for (const error of report.errors ?? []) failures.push(`${file}: ${String(error.message ?? '').split('\n')[0]}`);
  } else if ('numPassedTests' in report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    for (const result of report.testResults ?? []) {
      for (const test of result.assertionResults ?? []) {
        if (test.status === 'failed') {
          const error = (test.failureMessages ?? [])[0];
          failures.push(
            `${file}: ${result.name} › ${test.fullName ?? test.title}${error ? `\n${firstLines(error)}` : ''}`,
          );
        }
      }
      if (result.status === 'failed' && !(result.assertionResults ?? []).some((t) => t.status === 'failed')) {
        failures.push(`${file}: ${result.name} (suite error: ${String(result.message ?? '').split('\n')[0]})`);
      }
    }
    if (report.success === false && report.numFailedTests === 0) {
      failed += 1;
      failures.push(`${file}: the run did not succeed although no test failed (an unhandled error or a suite error)`);
    }
  }
}
const extra = process.argv.indexOf('--extra-check');
if (extra > 0) {
  const [name, code] = process.argv[extra + 1].split(':');
  if (code === '0') passed += 1;
  else {
    failed += 1;
    failures.push(`${name}: exit code ${code}`);
  }
}
if (files.length === 0 && failed === 0) failed = 1;
for (const line of failures) console.log(`FAILED ${line}`);
console.log(`${passed} passed, ${failed} failed`);
