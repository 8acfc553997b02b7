import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers/auth';
import { e2eDb } from './helpers/db';
import { saveScreenshot } from './helpers/screenshot';

// Issue 14 item 4: the review queue — feedback in the row acted on, select all, a question before confirming a
// veto, undo for ten seconds (a server-side revert), filters by agency, account, platform and date, every active
// filter visible and removable (an alert's link brings a hidden account filter).
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function fitsPhone(page: Page, name: string) {
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(200);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  await saveScreenshot(page, name);
  await page.setViewportSize(DESKTOP);
}

test('[SUPERVISOR] a link with an account filter shows it as a chip that can be removed; platform and date filters too', async ({
  page,
}) => {
  const db = e2eDb();
  const finding = await db.finding.findFirstOrThrow({
    where: { status: 'SUSPECTED' },
    select: { accountId: true, account: { select: { displayName: true } } },
  });
  await db.$disconnect();
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'supervisor');
  await page.goto(`/findings?accountId=${finding.accountId}`);
  const chips = page.getByRole('region', { name: '当前筛选' });
  await expect(chips).toContainText(`账号：${finding.account.displayName}`);
  await saveScreenshot(page, 'review-queue-chips-desktop');
  await fitsPhone(page, 'review-queue-chips-phone');
  await chips.getByRole('button', { name: `移除筛选：账号：${finding.account.displayName}` }).click();
  await expect(page).not.toHaveURL(/accountId=/);
  await expect(page.getByRole('region', { name: '当前筛选' })).toHaveCount(0);

  await page.getByLabel('平台').selectOption('WEIBO');
  await expect(page).toHaveURL(/platform=WEIBO/);
  await expect(page.getByRole('region', { name: '当前筛选' })).toContainText('平台：微博');
  const platforms = await page.locator('tbody td[data-label="账号"] .subtle').allInnerTexts();
  expect(platforms.length).toBeGreaterThan(0);
  expect(platforms.every((p) => p.includes('微博'))).toBe(true);
  await page.getByLabel('检查日期自').fill('2099-01-01');
  await expect(page.getByText('没有符合条件的问题')).toBeVisible();
  await page.getByRole('button', { name: '清除全部筛选' }).click();
  await expect(page).toHaveURL(/\/findings$/);
});

test('[SUPERVISOR] filters by an agency subtree picked in the tree', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'supervisor');
  await page.goto('/findings?status=ALL');
  await page.getByText('按单位筛选', { exact: true }).first().click();
  await page.getByRole('searchbox', { name: /按单位筛选/ }).fill('临溪县');
  await page.getByRole('treeitem', { name: '临溪县', exact: true }).click();
  await page.getByRole('button', { name: '按此单位筛选' }).click();
  await expect(page).toHaveURL(/agencyId=/);
  await expect(page.getByRole('region', { name: '当前筛选' })).toContainText('单位：临溪县');
});

test('[SUPERVISOR] select all, a dismissal answered in its row, undone within ten seconds on the server', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'supervisor');
  await page.goto('/findings');
  const body = page.locator('tbody');
  const boxes = body.getByRole('checkbox');
  await page.getByRole('checkbox', { name: '选择本页全部' }).check();
  const count = await boxes.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i += 1) await expect(boxes.nth(i)).toBeChecked();
  // Folded near-identical rows are on the page too: the count is at least what is visible.
  const label = await page.getByRole('button', { name: /^确认所选（\d+）$/ }).innerText();
  expect(Number(/（(\d+)）/.exec(label)?.[1])).toBeGreaterThanOrEqual(count);
  await page.getByRole('checkbox', { name: '选择本页全部' }).uncheck();
  await expect(page.getByRole('button', { name: '确认所选（0）' })).toBeDisabled();

  await page.goto('/findings?indicator=D3');
  // Dismissing one row asks for the reason in that row; the answer and the undo stay there.
  const row = body.getByRole('row').first();
  await row.getByRole('button', { name: '驳回', exact: true }).click();
  await row.getByRole('button', { name: '确定驳回' }).click();
  await expect(row.getByRole('alert')).toContainText('驳回需要填写复核意见');
  await row.getByLabel('驳回理由').fill('正常宣传，不属于违规');
  await row.getByRole('button', { name: '确定驳回' }).click();
  await expect(row.getByRole('status')).toContainText('已复核 1 条');
  await expect(row).toContainText('已驳回');
  await saveScreenshot(page, 'review-queue-row-feedback-desktop');
  await row.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByRole('group', { name: '批量操作' }).getByRole('status')).toContainText('已撤销 1 条');
  await expect(row).toContainText('待复核');
  await fitsPhone(page, 'review-queue-row-feedback-phone');
});

test('[SUPERVISOR] confirming a veto asks first; declining changes nothing', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'supervisor');
  await page.goto('/findings?indicator=V1.1');
  const row = page.locator('tbody').getByRole('row').first();
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await row.getByRole('button', { name: '确认' }).click();
  await expect.poll(() => asked).toContain('单项否决');
  await expect(row).toContainText('待复核');
  await expect(row.getByRole('status')).toHaveCount(0);
});

test('[SUPERVISOR] near-identical findings of one account fold into one row that opens', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'supervisor');
  // The planted burst of 30 advertisements on one account (G6) gives many findings of one rule with the same words.
  await page.goto('/findings?indicator=D3');
  const toggle = page.getByRole('button', { name: /另有 \d+ 条同类/ }).first();
  await expect(toggle).toBeVisible();
  const before = await page.locator('tbody tr').count();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  expect(await page.locator('tbody tr').count()).toBeGreaterThan(before);
  await saveScreenshot(page, 'review-queue-groups-desktop');
});
