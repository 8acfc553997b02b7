import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createUser } from '@/lib/services/create-user';
import { signInAs } from './helpers/auth';
import { E2E_BASE_URL } from './helpers/base-url';
import { e2eDb } from './helpers/db';
import { saveScreenshot } from './helpers/screenshot';

const PHONE = { width: 390, height: 844 };

/** The Beijing year of the demo's latest finished inspection: the year the demo has facts for. */
async function demoYear(): Promise<number> {
  const db = e2eDb();
  const latest = await db.inspection.findFirstOrThrow({
    where: { status: 'DONE' },
    orderBy: { monitoringAt: 'desc' },
    select: { monitoringAt: true },
  });
  await db.$disconnect();
  return Number(new Date(latest.monitoringAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
}

const item = (page: Page, code: string) => page.locator(`section[data-item="${code}"]`);

async function expectAssessment(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: '年度考核' })).toBeVisible();
  await expect(page.getByTestId('assessment-score')).toHaveText(/^\d+(\.\d+)? \/ 100$/);
  for (const code of ['A0', 'A1', 'A2', 'A3', 'A4', 'A5']) await expect(item(page, code)).toBeVisible();
  // Each item says its status; a quarter of the demo year was inspected, so A1 names it.
  await expect(item(page, 'A1').locator('.badge').first()).toHaveText(/扣分|无扣分|数据不足|未到期/);
  await expect(item(page, 'A1')).toContainText(/检查「.+」/);
}

test('[AUDITOR] reads the province assessment, its facts and the ranked cities, on desktop and on a phone', async ({
  page,
}) => {
  const year = await demoYear();
  await signInAs(page, 'auditor');
  await page.goto('/');
  await page.getByRole('link', { name: '年度考核', exact: true }).click();
  await expect(page).toHaveURL(/\/assessment$/);
  await page.goto(`/assessment?year=${year}`);
  await expectAssessment(page);
  await expect(page.getByText(/监管机构：.+人民政府办公厅/)).toBeVisible();
  const ranking = page.getByRole('region', { name: '下级单位排名' });
  const rows = ranking.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThanOrEqual(2);
  const ranks = (await rows.locator('td:first-child').allTextContents()).map(Number);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  expect(ranks[0]).toBe(1);
  await saveScreenshot(page, 'assessment-province');

  await page.setViewportSize(PHONE);
  await expectAssessment(page);
  const box = await item(page, 'A1').boundingBox();
  expect(box?.width ?? Infinity).toBeLessThanOrEqual(PHONE.width);
  await saveScreenshot(page, 'assessment-province-phone');

  await page.setViewportSize({ width: 1280, height: 900 });
  const firstCity = rows.first().getByRole('link');
  const cityName = (await firstCity.textContent()) ?? '';
  await firstCity.click();
  await expect(page).toHaveURL(new RegExp(`/assessment\\?unit=[0-9a-f-]+&year=${year}$`));
  await expect(page.getByRole('heading', { level: 2, name: `${cityName} · ${year}` })).toBeVisible();
  await expectAssessment(page);
  await saveScreenshot(page, 'assessment-city');
});

test("[AUDITOR] marks a quarter's notice as issued: A2 shows it, the action is audited", async ({ page }) => {
  const year = await demoYear();
  await signInAs(page, 'auditor');
  await page.goto(`/assessment?year=${year}`);
  const a2 = item(page, 'A2');
  const form = a2.locator('form').first();
  await expect(form).toBeVisible();
  const deductedBefore = await a2.locator('.assessment-points').textContent();
  const issuedBefore = await a2.getByText(/的通报已于 .+ 印发/).count();
  await form.getByRole('button', { name: '标记通报已印发' }).click();
  // The refreshed page replaces the form with the issued fact (the confirmation); no error is shown.
  await expect(a2.getByText(/的通报已于 .+ 印发/)).toHaveCount(issuedBefore + 1);
  await expect(a2.getByRole('alert')).toHaveCount(0);
  await saveScreenshot(page, 'assessment-notice-issued');
  const db = e2eDb();
  const audit = await db.auditLog.findFirst({ where: { action: 'inspection.notice-issued' }, orderBy: { at: 'desc' } });
  await db.$disconnect();
  expect(audit?.after).toMatchObject({ issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  // Issuing can only lower (or keep) the A2 deduction.
  const points = (text: string | null) => Number(text?.match(/−(\d+)/)?.[1] ?? 0);
  expect(points(await a2.locator('.assessment-points').textContent())).toBeLessThanOrEqual(points(deductedBefore));
});

test('[ADMIN] and [SUPERVISOR] read the page; only supervisors and auditors may mark notices', async ({ page }) => {
  const year = await demoYear();
  await signInAs(page, 'admin');
  await page.goto(`/assessment?year=${year}`);
  await expectAssessment(page);
  await expect(page.getByRole('button', { name: '标记通报已印发' })).toHaveCount(0);
  await page.context().clearCookies();
  await signInAs(page, 'supervisor');
  await page.goto(`/assessment?year=${year}`);
  await expectAssessment(page);
});

test('[SCOPE] a county auditor sees the county by default, not the province; the ZIP of the county downloads', async ({
  page,
  browser,
}) => {
  const year = await demoYear();
  const db = e2eDb();
  const county = await db.agency.findUniqueOrThrow({ where: { code: '330102' } });
  const province = await db.agency.findUniqueOrThrow({ where: { id: county.ancestorIds[0] } });
  const email = `assessment-county-${Date.now()}@e2e.local`;
  await createUser({
    input: {
      name: '临溪县考核审计员',
      email,
      password: 'county-assessment-password',
      grants: [{ role: 'AUDITOR', agencyId: county.id }],
    },
    actorId: null,
    db,
  });
  await db.$disconnect();
  await signInAs(page, { email, password: 'county-assessment-password' });
  await page.goto(`/assessment?year=${year}`);
  await expect(page.getByRole('heading', { level: 2, name: `${county.name} · ${year}` })).toBeVisible();
  const options = await page.getByRole('combobox', { name: '考核单位' }).locator('option').allTextContents();
  expect(options[0]?.trim()).toBe(county.name);
  expect(options.map((o) => o.trim())).not.toContain(province.name);
  const refused = await page.goto(`/assessment?unit=${province.id}&year=${year}`);
  expect(refused?.status()).toBe(404);

  const zip = await page.request.get(`/api/exports/assessment-zip?agencyId=${county.id}&year=${year}&format=xlsx`);
  expect(zip.status()).toBe(200);
  expect(zip.headers()['content-type']).toBe('application/zip');
  expect((await zip.body()).subarray(0, 2).toString('latin1')).toBe('PK');
  expect(
    (await page.request.get(`/api/exports/assessment-zip?agencyId=${province.id}&year=${year}&format=xlsx`)).status(),
  ).toBe(404);
  const anonymous = await browser.newContext();
  expect(
    (
      await anonymous.request.get(
        `${new URL(page.url()).origin}/api/exports/assessment-zip?agencyId=${county.id}&year=${year}&format=xlsx`,
      )
    ).status(),
  ).toBe(401);
  await anonymous.close();
});

test('[EN] the page in English', async ({ page }) => {
  const year = await demoYear();
  await signInAs(page, 'auditor');
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: E2E_BASE_URL }]);
  await page.goto(`/assessment?year=${year}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Annual assessment' })).toBeVisible();
  await expect(item(page, 'A1')).toContainText('A1 Routine checks');
  await saveScreenshot(page, 'assessment-en');
});

test('[SUPERVISOR] the assessment page has no serious accessibility violations', async ({ page }) => {
  const year = await demoYear();
  await signInAs(page, 'supervisor');
  await page.goto(`/assessment?year=${year}`);
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
  expect(serious).toEqual([]);
});
