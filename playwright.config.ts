import { defineConfig } from '@playwright/test';

import { E2E_BASE_URL as baseURL, E2E_PORT as PORT } from './tests/e2e/helpers/base-url';

/** Specs that only read: each visits every page of a role and changes nothing. */
const WALK_SPECS = ['**/accessibility.spec.ts', '**/phone-layout.spec.ts', '**/words-not-codes.spec.ts'];

// Debian's Chromium: browser downloads (`npx playwright install`) are impossible on these machines.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  // Two at most in all: the flows one at a time (they change the shared demo database), then the read-only walks over
  // every page (accessibility, phone layout, words not codes) two at a time (README "Test").
  workers: 2,
  projects: [
    { name: 'flows', testIgnore: WALK_SPECS, workers: 1 },
    { name: 'walks', testMatch: WALK_SPECS, fullyParallel: true, workers: 2, dependencies: ['flows'] },
  ],
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI_REPORT_DIR
    ? [['list'], ['json', { outputFile: `${process.env.CI_REPORT_DIR}/playwright.json` }]]
    : [['list']],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node scripts/e2e-server.mjs --port ${PORT}`,
    url: `${baseURL}/api/health`,
    timeout: 900_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
