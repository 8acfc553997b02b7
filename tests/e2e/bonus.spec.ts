import { expect, test } from '@playwright/test';
import { DEMO_GOLDEN_ACCOUNTS } from '@/lib/demo/accounts';
import { buildDemoProvince } from '@/lib/demo/province';
import { signInAs } from './helpers/auth';
import { e2eDb } from './helpers/db';
import { saveScreenshot } from './helpers/screenshot';

const handleOf = (key: string) =>
  buildDemoProvince({ now: new Date() }).accounts.find((a) => a.key === key)?.handle ?? '';

async function goldenAccount(key: string) {
  const db = e2eDb();
  try {
    return await db.account.findFirstOrThrow({ where: { handle: handleOf(key) } });
  } finally {
    await db.$disconnect();
  }
}

test('[SUPERVISOR] awards a bonus item on an account page and revokes it with a reason', async ({ page }) => {
  const account = await goldenAccount(DEMO_GOLDEN_ACCOUNTS.G1);
  await signInAs(page, 'supervisor');
  await page.goto(`/accounts/${account.id}`);
  const panel = page.getByRole('region', { name: '加分项' });
  await expect(panel).toBeVisible();
  const award = panel.getByRole('form', { name: '认定加分' });
  await award.getByLabel('加分事项').selectOption('B2');
  await award.getByLabel('认定理由').fill('“一网通办”上线，群众好评');
  await award.getByRole('button', { name: '认定加分' }).click();
  await expect(award.getByRole('status')).toContainText('已认定');
  const row = panel.getByTestId('bonus-award').filter({ hasText: '群众好评' });
  await expect(row).toContainText('B2');
  await saveScreenshot(page, 'account-bonus-awarded');

  await row.getByLabel('撤销理由').fill('重复认定');
  await row.getByRole('button', { name: '撤销' }).click();
  await expect(panel.getByTestId('bonus-award').filter({ hasText: '群众好评' })).toContainText('已于');
  await saveScreenshot(page, 'account-bonus-revoked');
});

test('[AUDITOR] sees awards but cannot award or revoke', async ({ page }) => {
  const account = await goldenAccount(DEMO_GOLDEN_ACCOUNTS.G1);
  await signInAs(page, 'auditor');
  await page.goto(`/accounts/${account.id}`);
  const panel = page.getByRole('region', { name: '加分项' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('form', { name: '认定加分' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: '撤销' })).toHaveCount(0);
});

test('[ADMIN] adds a bonus item to a draft edition', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/admin/editions');
  const code = `e2e-bonus-${Date.now() % 100000}`;
  await page.getByLabel('版本代码').fill(code);
  await page.getByLabel('名称').fill(`加分版 ${code}`);
  await page.getByRole('button', { name: '复制为新版本' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `加分版 ${code}` })).toBeVisible();
  const rows = page.getByTestId('bonus-item-row');
  await expect(rows).toHaveCount(3);
  await page.getByRole('button', { name: '添加加分事项' }).click();
  await rows.nth(3).getByLabel('事项编号').fill('B4');
  await rows.nth(3).getByLabel('事项名称').fill('重大活动宣传');
  await rows.nth(3).getByLabel('事项分值').fill('3');
  await rows.nth(0).getByRole('button', { name: '删除' }).click();
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('status')).toContainText('已保存（1 项变更）');
  await page.reload();
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2).getByLabel('事项名称')).toHaveValue('重大活动宣传');
  await saveScreenshot(page, 'edition-bonus-items');
});
