import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const reportDir = process.env.CI_REPORT_DIR;
const projectArg = process.argv.indexOf('--project');
// CI_REPORT_TAG names a second run of the same project (the shifted-clock run) so its report does not overwrite the first.
const runName = `${projectArg > 0 ? process.argv[projectArg + 1] : 'all'}${process.env.CI_REPORT_TAG ? `-${process.env.CI_REPORT_TAG}` : ''}`;
// CI sums these JSON reports into its final "N passed, N failed" line (scripts/ci-summary.mjs).

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
          globalSetup: ['tests/helpers/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
