import { expect, test, type Page } from '@playwright/test';
import { createUser } from '@/lib/services/create-user';
import { signInAs } from './helpers/auth';
import { e2eDb } from './helpers/db';
import { saveScreenshot } from './helpers/screenshot';

const rows = (page: Page) => page.locator('tr[data-alert-id]');
const rowIds = async (page: Page) =>
  rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-alert-id') ?? ''));
const totalOf = async (page: Page) => Number((await page.getByText(/^共 \d+ 条$/).textContent())?.match(/\d+/)?.[0]);

test('[SUPERVISOR] sees the seeded alerts, filters by kind, acknowledges one and then two at once', async ({
  page,
}) => {
  await signInAs(page, 'supervisor');
  await page.goto('/alerts');
  await expect(page.getByRole('heading', { level: 1, name: '提醒' })).toBeVisible();
  const total = await totalOf(page);
  expect(total).toBeGreaterThanOrEqual(5);
  await expect(page.locator('.nav-count')).toHaveText(String(total));
  for (const kind of ['超期未更新', '临近超期', '采集连续失败', '疑似单项否决']) {
    await expect(
      page.getByRole('navigation', { name: '提醒类型' }).getByRole('link', { name: kind, exact: true }),
    ).toBeVisible();
  }
  await expect(rows(page).first()).toBeVisible();
  await saveScreenshot(page, 'alerts-supervisor');

  await page
    .getByRole('navigation', { name: '提醒类型' })
    .getByRole('link', { name: '疑似单项否决', exact: true })
    .click();
  await expect(page).toHaveURL(/\/alerts\?kind=VETO_SUSPECTED$/);
  await expect(rows(page).first()).toBeVisible();
  const badges = await rows(page).locator('.badge').allTextContents();
  expect(badges.every((b) => b === '疑似单项否决')).toBe(true);
  const leaderTitle = rows(page).filter({ hasText: /待复核的疑似否决项：V1\.1 / });
  await expect(leaderTitle).toHaveCount(1);
  await expect(leaderTitle.getByRole('link', { name: '去复核' })).toHaveAttribute(
    'href',
    /\/findings\?status=SUSPECTED&accountId=.+&inspectionId=.+/,
  );
  await saveScreenshot(page, 'alerts-filter-veto');

  await page
    .getByRole('navigation', { name: '提醒类型' })
    .getByRole('link', { name: '超期未更新', exact: true })
    .click();
  await expect(page).toHaveURL(/kind=STALE$/);
  await expect(
    rows(page)
      .first()
      .getByText(/已 \d+ 天未发布/),
  ).toBeVisible();

  await page.getByRole('navigation', { name: '提醒类型' }).getByRole('link', { name: '全部', exact: true }).click();
  await expect(page).toHaveURL(/\/alerts$/);
  const [first] = await rowIds(page);
  await page.locator(`tr[data-alert-id="${first}"]`).getByRole('button', { name: '确认知悉' }).click();
  await expect(page.locator(`tr[data-alert-id="${first}"]`)).toHaveCount(0);
  await expect(page.getByText(`共 ${total - 1} 条`)).toBeVisible();
  await expect(page.locator('.nav-count')).toHaveText(String(total - 1));

  const pair = (await rowIds(page)).slice(0, 2);
  for (const id of pair) await page.locator(`tr[data-alert-id="${id}"]`).getByRole('checkbox').check();
  await saveScreenshot(page, 'alerts-bulk-selected');
  await page.getByRole('button', { name: '确认所选（2）' }).click();
  await expect(page.getByRole('status')).toHaveText('已确认 2 条提醒');
  for (const id of pair) await expect(page.locator(`tr[data-alert-id="${id}"]`)).toHaveCount(0);
  await expect(page.getByText(`共 ${total - 3} 条`)).toBeVisible();

  await page.getByRole('link', { name: '显示已确认' }).click();
  await expect(page).toHaveURL(/acknowledged=1/);
  for (const id of [first, ...pair]) {
    await expect(page.locator(`tr[data-alert-id="${id}"]`).getByText(/已于 .+ 确认/)).toBeVisible();
  }
  await saveScreenshot(page, 'alerts-acknowledged');
});

test('[AUDITOR] sees the alerts without acknowledge controls', async ({ page }) => {
  await signInAs(page, 'auditor');
  await page.goto('/alerts');
  await expect(page.getByRole('heading', { level: 1, name: '提醒' })).toBeVisible();
  await expect(rows(page).first()).toBeVisible();
  await expect(page.getByRole('button', { name: '确认知悉' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /确认所选/ })).toHaveCount(0);
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await saveScreenshot(page, 'alerts-auditor');
});

test('[SCOPE] a county supervisor sees only the alerts of accounts in that county', async ({ page }) => {
  const db = e2eDb();
  const county = await db.agency.findUniqueOrThrow({ where: { code: '330102' } });
  const inCounty = { account: { agency: { OR: [{ id: county.id }, { ancestorIds: { has: county.id } }] } } };
  const expected = await db.alert.findMany({ where: { acknowledgedAt: null, ...inCounty }, select: { id: true } });
  const outside = await db.alert.count({ where: { acknowledgedAt: null, NOT: inCounty } });
  const email = `alerts-county-${Date.now()}@e2e.local`;
  await createUser({
    input: {
      name: '临溪县提醒查看员',
      email,
      password: 'county-alerts-password',
      grants: [{ role: 'SUPERVISOR', agencyId: county.id }],
    },
    actorId: null,
    db,
  });
  await db.$disconnect();
  expect(expected.length).toBeGreaterThan(0);
  expect(outside).toBeGreaterThan(0);

  await signInAs(page, { email, password: 'county-alerts-password' });
  await page.goto('/alerts');
  await expect(page.getByText(`共 ${expected.length} 条`)).toBeVisible();
  await expect(page.locator('.nav-count')).toHaveText(String(expected.length));
  const shown = await rowIds(page);
  expect(shown).toHaveLength(Math.min(expected.length, 25));
  expect(shown.every((id) => expected.some((a) => a.id === id))).toBe(true);
  await saveScreenshot(page, 'alerts-county-scope');

  // The same scope through the JSON API; anonymous callers are refused.
  const api = await page.request.get('/api/alerts');
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { total: number; items: Array<{ id: string }> };
  expect(body.total).toBe(expected.length);
  expect(body.items.every((a) => expected.some((e) => e.id === a.id))).toBe(true);
  const anonymous = await page.context().browser()?.newContext();
  const refused = await anonymous?.request.get(new URL('/api/alerts', page.url()).toString());
  expect(refused?.status()).toBe(401);
  await anonymous?.close();
});
