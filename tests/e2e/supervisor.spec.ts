import { expect, test } from '@playwright/test';
import { DEMO_GOLDEN_ACCOUNTS } from '@/lib/demo/accounts';
import { buildDemoProvince } from '@/lib/demo/province';
import { signInAs } from './helpers/auth';
import { e2eDb } from './helpers/db';
import { saveScreenshot } from './helpers/screenshot';

const handleOf = (key: string) =>
  buildDemoProvince({ now: new Date() }).accounts.find((a) => a.key === key)?.handle ?? '';

test('[SUPERVISOR] confirms a suspected veto and the account score changes', async ({ page }) => {
  const db = e2eDb();
  const account = await db.account.findFirstOrThrow({ where: { handle: handleOf(DEMO_GOLDEN_ACCOUNTS.G5) } });
  await db.$disconnect();
  await signInAs(page, 'supervisor');

  await page.goto(`/accounts/${account.id}`);
  await expect(page.getByTestId('score-result').first()).toContainText('待复核');
  await saveScreenshot(page, 'account-before-review');

  await page.goto('/findings?indicator=V1.3');
  await expect(page.getByRole('heading', { level: 1, name: '问题复核' })).toBeVisible();
  const row = page
    .getByRole('row')
    .filter({ hasText: account.displayName })
    .filter({ has: page.locator('mark') })
    .first();
  await expect(row.locator('mark')).toBeVisible();
  await saveScreenshot(page, 'findings-queue');
  // Confirming a veto asks first (issue 14 item 4); the outcome shows in the row acted on.
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: '确认' }).click();
  await expect(row.getByRole('status')).toContainText('已复核');

  await page.goto(`/accounts/${account.id}`);
  await expect(page.getByTestId('score-result').first()).toContainText('单项否决');
  await saveScreenshot(page, 'account-after-review');

  await page.goto('/rectifications');
  await expect(page.getByRole('row').filter({ hasText: account.displayName }).first()).toBeVisible();
  await saveScreenshot(page, 'rectifications');
});

test('[SUPERVISOR] dismissing needs a reason; filters stay in the URL', async ({ page }) => {
  await signInAs(page, 'supervisor');
  await page.goto('/findings');
  await page.getByLabel('指标').selectOption('D3');
  await expect(page).toHaveURL(/indicator=D3/);
  // The first checkbox of the body (the header's selects the whole page).
  await page.locator('tbody').getByRole('checkbox').first().check();
  const bulk = page.getByRole('group', { name: '批量操作' });
  await page.getByRole('button', { name: /驳回所选/ }).click();
  await expect(bulk.getByRole('status')).toContainText('驳回需要填写复核意见');
  await page.getByLabel('复核意见（驳回时必填）').fill('正常宣传，不属于违规');
  await page.getByRole('button', { name: /驳回所选/ }).click();
  await expect(bulk.getByRole('status')).toContainText('已复核 1 条');
});

test('[SUPERVISOR] pages the queue by cursor, kept in the URL; a tampered cursor is refused', async ({ page }) => {
  await signInAs(page, 'supervisor');
  await page.goto('/findings?status=ALL');
  const pager = page.getByRole('navigation', { name: /^第 \d+ \/ \d+ 页$/ });
  await expect(pager).toContainText('第 1 /');
  await pager.getByRole('button', { name: '下一页' }).click();
  await expect(page).toHaveURL(/status=ALL&after=[\w-]+&page=2/);
  await expect(pager).toContainText('第 2 /');
  await page.reload();
  await expect(pager).toContainText('第 2 /');
  await pager.getByRole('button', { name: '上一页' }).click();
  await expect(page).toHaveURL(/before=[\w-]+/);
  await expect(pager).toContainText('第 1 /');

  expect((await page.request.get('/api/findings?status=ALL&after=bm90LWEtY3Vyc29y')).status()).toBe(400);
  await page.goto('/findings?status=ALL&after=bm90LWEtY3Vyc29y&page=7');
  await expect(page).toHaveURL(/\/findings\?status=ALL$/);
  await expect(pager).toContainText('第 1 /');

  // A page number typed or shared without a cursor opens that page.
  await page.goto('/findings?status=ALL&page=2');
  await expect(pager).toContainText('第 2 /');
  await pager.getByRole('button', { name: '上一页' }).click();
  await expect(pager).toContainText('第 1 /');
});

test('[SUPERVISOR] browses the overview, agency drill-down, inspections and account pages', async ({ page }) => {
  await signInAs(page, 'supervisor');
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '按季度合格率走势' })).toBeVisible();
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await saveScreenshot(page, 'overview');
  await page.getByRole('link', { name: '单位', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '江川省' })).toBeVisible();
  await page.getByRole('link', { name: '江川市', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '江川市' })).toBeVisible();
  await saveScreenshot(page, 'agency-city');
  await page.getByRole('link', { name: '检查', exact: true }).click();
  await expect(page.getByRole('cell', { name: '演示：本期全面检查' })).toBeVisible();
  await saveScreenshot(page, 'inspections');
});
