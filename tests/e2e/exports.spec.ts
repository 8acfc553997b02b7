import { expect, test } from '@playwright/test';
import { createUser } from '@/lib/services/create-user';
import { signInAs } from './helpers/auth';
import { e2eDb } from './helpers/db';
import { saveScreenshot } from './helpers/screenshot';

const MAGIC: Record<string, string> = { pdf: '%PDF', xlsx: 'PK', docx: 'PK' };

test('[AUDITOR] downloads the quarterly notice as PDF, XLSX and DOCX', async ({ page }) => {
  await signInAs(page, 'auditor');
  await page.goto('/exports');
  await expect(page.getByRole('heading', { level: 1, name: '报告导出' })).toBeVisible();
  await saveScreenshot(page, 'exports');
  for (const format of ['pdf', 'xlsx', 'docx']) {
    await page.getByRole('combobox', { name: /^格式/ }).selectOption(format);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`巡检通报-.+-\\d{4}Q\\d\\.${format}$`));
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(path);
    expect(bytes.byteLength).toBeGreaterThan(2000);
    expect(bytes.subarray(0, MAGIC[format]?.length ?? 0).toString('latin1')).toBe(MAGIC[format]);
  }
});

test('[AUDITOR] a malformed period is refused in the form; the annual report downloads', async ({ page }) => {
  await signInAs(page, 'auditor');
  await page.goto('/exports');
  await page.getByLabel('期间').fill('2026-13');
  await page.getByRole('button', { name: '下载' }).click();
  await expect(page.locator('form').getByRole('alert')).toContainText('2026Q3');
  await page.getByRole('combobox', { name: /^报告类型/ }).selectOption('annual');
  await page.getByRole('combobox', { name: /^格式/ }).selectOption('xlsx');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).click()]);
  expect(download.suggestedFilename()).toMatch(/年度考核报告-.+-\d{4}\.xlsx$/);
});

test('[SCOPE] an auditor of county A cannot export county B; anonymous callers are refused', async ({ page, browser }) => {
  const db = e2eDb();
  const countyA = await db.agency.findUniqueOrThrow({ where: { code: '330102' } });
  const countyB = await db.agency.findUniqueOrThrow({ where: { code: '330103' } });
  const email = `county-auditor-${Date.now()}@e2e.local`;
  await createUser({ input: { name: '临溪县审计员', email, password: 'county-audit-password', grants: [{ role: 'AUDITOR', agencyId: countyA.id }] }, actorId: null, db });
  await db.$disconnect();
  await signInAs(page, { email, password: 'county-audit-password' });
  const query = (agencyId: string) => `/api/exports?kind=notice&period=2026Q4&format=xlsx&agencyId=${agencyId}`;
  const own = await page.request.get(query(countyA.id));
  expect(own.status()).toBe(200);
  expect(own.headers()['content-disposition']).toContain("filename*=UTF-8''");
  expect((await page.request.get(query(countyB.id))).status()).toBe(404);
  await page.goto('/exports');
  const options = await page.getByRole('combobox', { name: /^单位范围/ }).locator('option').allTextContents();
  expect(options[0]).toBe('临溪县');
  expect(options).not.toContain(countyB.name);
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`${new URL(page.url()).origin}${query(countyA.id)}`)).status()).toBe(401);
  await anonymous.close();
});
