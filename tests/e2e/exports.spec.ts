import { expect, test } from '@playwright/test';
import { createUser } from '@/lib/services/create-user';
import { agencyPicker, expectPickedAgency, pickAgency } from './helpers/agency-picker';
import { signInAs } from './helpers/auth';
import { e2eDb } from './helpers/db';
import { saveScreenshot } from './helpers/screenshot';
import { savePdfPages } from './helpers/pdf-pages';
import { readPdf } from '../helpers/pdf-text';

const MAGIC: Record<string, string> = { pdf: '%PDF', xlsx: 'PK', docx: 'PK' };

test('[AUDITOR] downloads the quarterly notice as PDF, XLSX and DOCX', async ({ page }) => {
  await signInAs(page, 'auditor');
  await page.goto('/exports');
  await expect(page.getByRole('heading', { level: 1, name: '报告导出' })).toBeVisible();
  await saveScreenshot(page, 'exports');
  for (const format of ['pdf', 'xlsx', 'docx']) {
    await page.getByRole('combobox', { name: /^格式/ }).selectOption(format);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载' }).click(),
    ]);
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
  // A unit below the auditor's root, chosen in the searchable tree.
  await pickAgency(page, '单位范围', '临溪县人民政府办公室');
  await saveScreenshot(page, 'exports-agency-picked-desktop');
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, 'exports-agency-picked-phone');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (desktop) await page.setViewportSize(desktop);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/年度考核报告-临溪县人民政府办公室-\d{4}\.xlsx$/);
});

test('[SCOPE] an auditor of county A cannot export county B; anonymous callers are refused', async ({
  page,
  browser,
}) => {
  const db = e2eDb();
  const countyA = await db.agency.findUniqueOrThrow({ where: { code: '330102' } });
  const countyB = await db.agency.findUniqueOrThrow({ where: { code: '330103' } });
  const email = `county-auditor-${Date.now()}@e2e.local`;
  await createUser({
    input: {
      name: '临溪县审计员',
      email,
      password: 'county-audit-password',
      grants: [{ role: 'AUDITOR', agencyId: countyA.id }],
    },
    actorId: null,
    db,
  });
  await db.$disconnect();
  await signInAs(page, { email, password: 'county-audit-password' });
  const query = (agencyId: string) => `/api/exports?kind=notice&period=2026Q4&format=xlsx&agencyId=${agencyId}`;
  const own = await page.request.get(query(countyA.id));
  expect(own.status()).toBe(200);
  expect(own.headers()['content-disposition']).toContain("filename*=UTF-8''");
  expect((await page.request.get(query(countyB.id))).status()).toBe(404);
  await page.goto('/exports');
  // The scope tree starts on the auditor's county and holds nothing of county B, even when searched for.
  const picker = agencyPicker(page, '单位范围');
  await expectPickedAgency(page, '单位范围', '临溪县');
  await expect(picker.getByRole('treeitem').first()).toHaveAccessibleName('临溪县');
  await picker.getByRole('searchbox').fill(countyB.name);
  await expect(picker.getByRole('treeitem')).toHaveCount(0);
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`${new URL(page.url()).origin}${query(countyA.id)}`)).status()).toBe(401);
  await anonymous.close();
});

// The CJK fonts' ToUnicode maps some glyphs to radicals (⽂ for 文, ⻅ for 见); compare the characters meant.
const RADICALS: Record<string, string> = {
  '⻅': '见',
  '⻓': '长',
  '⻔': '门',
  '⻋': '车',
  '⻛': '风',
  '⻜': '飞',
  '⻢': '马',
  '⻚': '页',
  '⻄': '西',
  '⻘': '青',
  '⻩': '黄',
};
const squash = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[\u2e80-\u2eff]/g, (c) => RADICALS[c] ?? c)
    .replace(/\s+/g, '');

test('[AUDITOR] the notice and the annual report print as official documents (pages saved as PNG for review)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, 'auditor');
  await page.goto('/exports');
  const agencyId = await page.locator('input[type="hidden"][name="agencyId"]').inputValue();
  const quarter = await page.getByLabel('期间').inputValue();
  for (const [kind, period] of [
    ['notice', quarter],
    ['annual', quarter.slice(0, 4)],
  ] as const) {
    const response = await page.request.get(
      `/api/exports?kind=${kind}&period=${period}&format=pdf&agencyId=${agencyId}`,
    );
    expect(response.status()).toBe(200);
    const bytes = await response.body();
    const pngs = savePdfPages(bytes, `export-${kind}-pdf`);
    const pdf = readPdf(bytes);
    expect(pngs).toHaveLength(pdf.pageCount);
    expect(pdf.pageCount).toBeGreaterThanOrEqual(3);
    const first = squash(pdf.pages[0] ?? '');
    // 版头, 发文字号 (a number once exported), title, addressee and the first section on page 1; — n — on each page.
    expect(first).toMatch(/文件/);
    expect(first).toMatch(/巡检〔\d{4}〕\d+号/);
    expect(first).toContain(kind === 'notice' ? '季度政务新媒体检查情况通报' : '年度政务新媒体监管考核报告');
    expect(first).toContain('各有关单位');
    expect(first).toContain('一、总体情况');
    pdf.pages.forEach((text, i) => expect(squash(text)).toContain(`—${i + 1}—`));
    const all = squash(pdf.pages.join('')).replace(/—\d+—/g, '');
    for (const part of ['二、主要问题', '三、整改要求', '附件:', '附件1']) expect(all).toContain(part);
    expect(all).toMatch(/\d{4}年\d{1,2}月\d{1,2}日附件1/);
    expect(all).not.toMatch(/national-2019|\d{4}Q[1-4]/);
  }
});
