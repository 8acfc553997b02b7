import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers/auth';
import { saveScreenshot } from './helpers/screenshot';

// Issue 14 item 3: the overview answers "which agencies are failing and why" — ranked units with their failing
// accounts and top indicators by name, sortable tables with subtree totals, a trend over the demo's four quarters.
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

const percentOf = (text: string) => (text.trim() === '—' ? null : Number(text.replace('%', '').trim()));
const ranking = (page: Page) => page.getByRole('region', { name: '各单位合格率排名（由低到高）' });

async function fitsPhone(page: Page) {
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(200);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

test('[SUPERVISOR] the overview ranks agencies worst first, with failing accounts, top problems by name and a four-quarter trend', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'supervisor');
  await page.goto('/');

  // One headline figure leads; the rest of the scope is one line, not a wall of equal cards.
  await expect(page.locator('.card.hero')).toContainText('最近一次检查合格率');
  await expect(page.locator('.card.hero .value')).toHaveText(/%$/);
  await expect(page.locator('.cards.headline .card')).toHaveCount(4);
  await expect(page.locator('.scope-line')).toContainText('在管账号');

  const table = ranking(page).locator('table');
  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  // Worst first: the pass-rate column ascends (units without a verdict last).
  const rates = (await rows.locator('td:nth-child(2)').allInnerTexts())
    .map(percentOf)
    .filter((r): r is number => r !== null);
  expect(rates).toEqual([...rates].sort((a, b) => a - b));
  // The worst unit names its failing accounts (linked, with their badge) and its main problems in words.
  const worst = rows.first();
  await expect(worst.locator('ul.plain a').first()).toBeVisible();
  await expect(worst.locator('td').nth(7)).toContainText(/[DV]\d+(\.\d+)? [\u4e00-\u9fff]/);

  // Sorting by a header: the button toggles the order and aria-sort says which.
  const header = table.getByRole('columnheader', { name: /在管账号/ });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const accounts = (await rows.locator('td:last-child').allInnerTexts()).map(Number);
  expect(accounts).toEqual([...accounts].sort((a, b) => a - b));
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');

  // Every failing account with why: vetoes and deductions named, never a bare code.
  const failing = page.getByRole('region', { name: '不合格与风险账号' });
  await expect(failing.locator('tbody tr').first()).toBeVisible();
  await expect(failing.locator('tbody tr').first().locator('td').nth(3)).toContainText(/[\u4e00-\u9fff]/);

  // The trend: four quarters with labelled axes; hovering a quarter shows the pass rate in percent.
  const chart = page.getByRole('region', { name: '按季度合格率走势' });
  await expect(chart.getByRole('application')).toBeVisible();
  await expect(chart.getByText('合格率（%）', { exact: true }).first()).toBeVisible();
  await expect(chart.getByText('单项否决（个）', { exact: true }).first()).toBeVisible();
  // One tick per quarter (the axis title 季度 is not one of them).
  await expect(chart.locator('svg text').filter({ hasText: /^[一二三四]季度$/ })).toHaveCount(4);
  const dots = chart.locator('.recharts-line-dots circle, .recharts-line-dot');
  expect(await dots.count()).toBeGreaterThanOrEqual(4);
  await dots.first().hover({ force: true });
  await expect(chart.locator('.chart-tooltip')).toContainText('%');
  await saveScreenshot(page, 'overview-desktop');

  await fitsPhone(page);
  await saveScreenshot(page, 'overview-phone');
});

test('[SUPERVISOR] drilling down: an agency lists its units with totals and its own accounts with scores and finding counts', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'supervisor');
  await page.goto('/');
  const first = ranking(page).locator('tbody tr').first().locator('td').first().getByRole('link');
  const name = (await first.innerText()).trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  const children = page.getByRole('region', { name: '下级单位' });
  if (await children.count()) {
    await expect(children.locator('tfoot')).toContainText('本单位及下级合计');
    // The totals row counts the whole subtree: at least what the listed children add up to.
    const sum = (await children.locator('tbody tr td:last-child').allInnerTexts())
      .map(Number)
      .reduce((n, x) => n + x, 0);
    expect(Number(await children.locator('tfoot td:last-child').innerText())).toBeGreaterThanOrEqual(sum);
  }
  await saveScreenshot(page, 'overview-drilldown-desktop');

  // An office's own accounts: the latest result with its reported score, and the standing findings, sortable.
  await page.goto('/agencies');
  await page.getByRole('link', { name: '江川市', exact: true }).click();
  await page.getByRole('link', { name: '江川市人民政府办公室', exact: true }).click();
  const own = page.getByRole('region', { name: '本单位账号' });
  await expect(own.getByRole('columnheader', { name: /问题数/ })).toBeVisible();
  const result = own.getByRole('columnheader', { name: /最近检查结果/ });
  await result.getByRole('button').click();
  await expect(result).toHaveAttribute('aria-sort', 'ascending');
  await fitsPhone(page);
  await saveScreenshot(page, 'overview-drilldown-phone');
});
