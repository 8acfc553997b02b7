import { expect, test } from '@playwright/test';
import { DEMO_GOLDEN_ACCOUNTS } from '@/lib/demo/accounts';
import { buildDemoProvince } from '@/lib/demo/province';
import { signInAs } from './helpers/auth';
import { e2eDb } from './helpers/db';
import { saveScreenshot } from './helpers/screenshot';

const handleOf = (key: string) =>
  buildDemoProvince({ now: new Date() }).accounts.find((a) => a.key === key)?.handle ?? '';

test('[SUPERVISOR] the overview cards and GET /api/overview give the same figures; the live list is not called zombie', async ({
  page,
}) => {
  await signInAs(page, 'supervisor');
  await page.goto('/');
  const card = (label: string) =>
    page
      .locator('.card')
      .filter({ has: page.locator('.label', { hasText: label }) })
      .locator('.value');
  await expect(card('僵尸号（内容不更新被否决）')).toBeVisible();
  await expect(page.getByRole('heading', { name: /^超过 \d+ 天未更新的账号$/ })).toBeVisible();
  await expect(page.getByText('疑似“僵尸”账号')).toHaveCount(0);
  const api = await (await page.request.get('/api/overview')).json();
  await expect(card('僵尸号（内容不更新被否决）')).toHaveText(String(api.latest.zombies));
  // Failing accounts lead the second card; the vetoed count is its first part (the overview ranks, issue 14).
  await expect(card('不合格账号')).toHaveText(String(api.latest.scored - api.latest.passed));
  await expect(page.locator('.card').filter({ has: page.locator('.label', { hasText: '不合格账号' }) })).toContainText(
    `单项否决 ${api.latest.vetoed}`,
  );
  const rate = api.latest.passRate === null ? '—' : `${Math.round(api.latest.passRate * 1000) / 10}%`;
  await expect(card('最近一次检查合格率')).toHaveText(rate);
  await saveScreenshot(page, 'overview-figures');
});

test('[SUPERVISOR] a vetoed account shows its reported score, the window of each coverage figure, and the API agrees', async ({
  page,
}) => {
  const db = e2eDb();
  const account = await db.account.findFirstOrThrow({ where: { handle: handleOf(DEMO_GOLDEN_ACCOUNTS.G7) } });
  await db.$disconnect();
  await signInAs(page, 'supervisor');
  const api = await (await page.request.get(`/api/accounts/${account.id}/scores`)).json();
  const latest = api.scores[0];
  expect(latest.result).toBe('FAIL_VETO');
  expect(latest.reportedScore).toBeLessThanOrEqual(59);
  await page.goto(`/accounts/${account.id}`);
  await expect(page.getByTestId('score-result').first()).toContainText(`单项否决 · ${latest.reportedScore}`);
  await expect(page.getByTestId('score-coverage').first()).toContainText(`近 ${latest.coverage.windowDays} 天`);
  await expect(page.getByRole('heading', { name: '抓取覆盖（近 60 天）' })).toBeVisible();
  await saveScreenshot(page, 'account-vetoed-figures');
});
