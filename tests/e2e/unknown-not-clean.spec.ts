import { expect, test } from '@playwright/test';
import { DEMO_GOLDEN_ACCOUNTS } from '@/lib/demo/accounts';
import { buildDemoProvince } from '@/lib/demo/province';
import { signInAs } from './helpers/auth';
import { e2eDb } from './helpers/db';
import { saveScreenshot } from './helpers/screenshot';

const handleOf = (key: string) =>
  buildDemoProvince({ now: new Date() }).accounts.find((a) => a.key === key)?.handle ?? '';

// docs/scoring.md: an indicator the crawls could not decide shows INSUFFICIENT_DATA with its reason on the account page.
test('[SUPERVISOR] G8 (crawl failing): the account page names V2 as not decidable and says how many days were not crawled', async ({
  page,
}) => {
  const db = e2eDb();
  const account = await db.account.findFirstOrThrow({ where: { handle: handleOf(DEMO_GOLDEN_ACCOUNTS.G8) } });
  await db.$disconnect();
  await signInAs(page, 'supervisor');
  await page.goto(`/accounts/${account.id}`);
  const section = page.getByTestId('account-unknown-indicators');
  await expect(section.getByRole('heading', { name: '无法判定：数据未读取' })).toBeVisible();
  const v2 = section.locator('li[data-code="V2"]');
  await expect(v2).toHaveAttribute('data-reason', 'DAYS_NOT_CRAWLED');
  await expect(v2).toContainText(/\d+ 天中有 \d+ 天未抓取/);
  await saveScreenshot(page, 'account-unknown-indicators');
});
