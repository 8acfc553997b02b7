import { expect, test } from '@playwright/test';
import { signInAs } from './helpers/auth';
import { saveScreenshot } from './helpers/screenshot';

test('[PUBLIC] signed-out visitors land on the Chinese sign-in page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '登录巡检' })).toBeVisible();
  await saveScreenshot(page, 'login-zh');
});

test('[SUPERVISOR] home page opens in Chinese with the seeded province', async ({ page }) => {
  await signInAs(page, 'supervisor');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '监管总览' })).toBeVisible();
  await expect(page.getByText('范围：江川省')).toBeVisible();
  // The scope line names the accounts under supervision; the demo has some.
  await expect(page.locator('.scope-line')).toContainText(/在管账号 [1-9]/);
  await saveScreenshot(page, 'home-zh');
});

test('[SUPERVISOR] the language switch turns the page into English and back', async ({ page }) => {
  await signInAs(page, 'supervisor');
  await page.goto('/');
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Supervision overview' })).toBeVisible();
  await saveScreenshot(page, 'home-en');
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '监管总览' })).toBeVisible();
});

test('[PUBLIC] health endpoint reports the database', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.database.ok).toBe(true);
  expect(body.database.migrations).toBeGreaterThan(0);
});

test('[PUBLIC] list pages with a loading state still answer refusals with a redirect status', async ({
  page,
  request,
}) => {
  for (const path of [
    '/findings',
    '/inspections',
    '/rectifications',
    '/alerts',
    '/exports',
    '/repost-tasks',
    '/admin/users',
  ]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(307);
    expect(res.headers().location, path).toMatch(/\/login$/);
  }
  await signInAs(page, 'auditor');
  for (const path of ['/admin/users', '/admin/lexicons', '/admin/credentials']) {
    const res = await page.request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(307);
    expect(res.headers().location, path).toMatch(/\/forbidden$/);
  }
  const own = await page.request.get('/findings', { maxRedirects: 0 });
  expect(own.status()).toBe(200);
});
