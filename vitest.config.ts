import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const reportDir = process.env.CI_REPORT_DIR;
const projectArg = process.argv.indexOf('--project');
// CI_REPORT_TAG names a second run of the same project (the shifted-clock run) so its report does not overwrite the first.
const runName = `${projectArg > 0 ? process.argv[projectArg + 1] : 'all'}${process.env.CI_REPORT_TAG ? `-${process.env.CI_REPORT_TAG}` : ''}`;
// CI sums these JSON reports into its final "N passed, N failed" line (scripts/ci-summary.mjs).

/**
 * Integration files that spawn processes, start clusters or browsers, or time themselves: they run one at a time,
 * after the others (`npm run test:integration` runs both projects; run one of these files alone with
 * `--project integration-serial`). A Vitest group runs as many files at once as its projects' `maxWorkers`, so a
 * drill cannot run beside these one-at-a-time files without running beside the others too.
 */
const SERIAL_INTEGRATION_FILES = [
  'tests/integration/drills/**/*.test.ts',
  'tests/integration/migrate-tool.test.ts',
  'tests/integration/deploy/first-inspection.test.ts',
  'tests/integration/export/pdf-pool.test.ts',
  'tests/integration/jobs/worker-process.test.ts',
  'tests/integration/crawlers/browser-egress.test.ts',
  'tests/integration/crawlers/browser-egress-upstream.test.ts',
  'tests/integration/security/sign-in-throttle.test.ts',
  'tests/integration/services/run-inspection-batched.test.ts',
];

export default defineConfig({
  resolve: { alias: { '@': root } },
  test: {
    reporters: reportDir ? ['default', ['json', { outputFile: `${reportDir}/vitest-${runName}.json` }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          exclude: SERIAL_INTEGRATION_FILES,
          globalSetup: ['tests/helpers/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file has a database of its own (cloned from the template), so two files run side by side.
          fileParallelism: true,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-serial',
          environment: 'node',
          include: SERIAL_INTEGRATION_FILES,
          globalSetup: ['tests/helpers/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // After the parallel files, one at a time: each keeps both cores busy or measures time.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
