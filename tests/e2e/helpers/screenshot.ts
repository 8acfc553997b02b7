import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

const DIR = join(process.cwd(), 'tests/e2e/screenshots');

/** Saves a full-page screenshot for reviewers (the folder is git-ignored). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  await page.screenshot({ path: join(DIR, `${name}.png`), fullPage: true });
}
