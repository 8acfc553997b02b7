import { expect, test } from '@playwright/test';
import { createUser } from '@/lib/services/create-user';
import { pickAgency } from './helpers/agency-picker';
import { signInAs } from './helpers/auth';
import { E2E_BASE_URL } from './helpers/base-url';
import { e2eDb } from './helpers/db';
import { saveScreenshot } from './helpers/screenshot';

// Issue 15: a token created in the UI reads /api/v1/findings within its scope; revoked, it is refused.
const PHONE = { width: 390, height: 844 };

test('[SUPERVISOR] a county supervisor makes a token, reads county findings with it, and revokes it', async ({
  page,
  playwright,
}) => {
  const db = e2eDb();
  const county = await db.agency.findUniqueOrThrow({ where: { code: '330102' } });
  const inCounty = { OR: [{ id: county.id }, { ancestorIds: { has: county.id } }] };
  const expectedTotal = await db.finding.count({ where: { account: { agency: inCounty } } });
  const email = `api-county-${Date.now()}@e2e.local`;
  await createUser({
    input: {
      name: '临溪县接口',
      email,
      password: 'county-api-password',
      grants: [{ role: 'SUPERVISOR', agencyId: county.id }],
    },
    actorId: null,
    db,
  });

  await signInAs(page, { email, password: 'county-api-password' });
  await page.goto('/settings/tokens');
  await expect(page.getByRole('heading', { level: 1, name: 'API 令牌' })).toBeVisible();
  await expect(page.getByText('还没有令牌。')).toBeVisible();
  const form = page.getByRole('form', { name: '新建令牌' });
  await form.getByLabel('名称').fill('县值班系统');
  await form.getByLabel('角色').selectOption('SUPERVISOR');
  await pickAgency(form, '管辖范围', county.name);
  await form.getByLabel('有效天数').fill('30');
  await form.getByRole('button', { name: '新建令牌' }).click();
  const shown = page.getByTestId('api-token-secret');
  await expect(shown).toBeVisible();
  const secret = (await shown.locator('code').textContent()) ?? '';
  expect(secret).toMatch(/^xj_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId('api-token-row').filter({ hasText: '县值班系统' });
  await expect(row).toContainText(secret.slice(0, 9));
  await expect(row).toContainText('有效');
  await expect(row).not.toContainText(secret.slice(9));
  await saveScreenshot(page, 'api-tokens-created');

  // A caller without the browser's cookies: only the bearer token.
  const api = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
  const auth = { authorization: `Bearer ${secret}` };
  const first = await api.get('/api/v1/findings', { headers: auth });
  expect(first.status()).toBe(200);
  const body: {
    items: Array<{ accountId: string; evidence: { sourceType: string } }>;
    total: number;
    nextCursor: string | null;
  } = await first.json();
  expect(body.total).toBe(expectedTotal);
  expect(body.items.length).toBeGreaterThan(0);
  expect(body.items[0]?.evidence.sourceType).toBeTruthy();
  const outside = await db.account.count({
    where: { id: { in: body.items.map((f) => f.accountId) }, NOT: { agency: inCounty } },
  });
  expect(outside).toBe(0);
  const anonymous = await api.get('/api/v1/findings');
  expect(anonymous.status()).toBe(401);
  const bad = await api.get('/api/v1/findings?status=LOST', { headers: auth });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.fieldErrors.status).toHaveLength(1);

  await page.reload();
  await expect(page.getByTestId('api-token-row').filter({ hasText: '县值班系统' }).locator('time')).toHaveCount(2); // expiry and last use
  await page.setViewportSize(PHONE);
  await saveScreenshot(page, 'api-tokens-phone');
  await page.setViewportSize({ width: 1440, height: 900 });

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: '吊销令牌“县值班系统”' }).click();
  await expect(page.getByTestId('api-token-row').filter({ hasText: '县值班系统' })).toContainText('已吊销');
  expect((await api.get('/api/v1/findings', { headers: auth })).status()).toBe(401);
  await saveScreenshot(page, 'api-tokens-revoked');
  await api.dispose();
  await db.$disconnect();
});

test('[AUDITOR] the API reference page renders every operation offline from openapi.json', async ({ page }) => {
  await signInAs(page, 'auditor');
  const doc = await (await page.request.get('/api/v1/openapi.json')).json();
  const count = Object.values(doc.paths as Record<string, object>).reduce((n, ops) => n + Object.keys(ops).length, 0);
  // No request may leave the app's origin: the page is rendered on the server from the document.
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== new URL(E2E_BASE_URL).origin && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  await page.goto('/settings/api');
  await expect(page.getByRole('heading', { level: 1, name: 'API 文档' })).toBeVisible();
  await expect(page.getByTestId('api-operation')).toHaveCount(count);
  await expect(page.locator('#listFindings')).toContainText('/api/v1/findings');
  await expect(page.locator('#listFindings').getByRole('table', { name: '参数' })).toContainText('cursor');
  expect(foreign).toEqual([]);
  await saveScreenshot(page, 'api-reference');
  await page.setViewportSize(PHONE);
  await saveScreenshot(page, 'api-reference-phone');
});
