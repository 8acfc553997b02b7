import { expect, test } from '@playwright/test';
import { createUser } from '@/lib/services/create-user';
import { signInAs } from './helpers/auth';
import { e2eDb } from './helpers/db';
import { saveScreenshot } from './helpers/screenshot';

test('[SCOPE] a supervisor of county A cannot read county B by URL or API', async ({ page }) => {
  const db = e2eDb();
  const countyA = await db.agency.findUniqueOrThrow({ where: { code: '330102' } });
  const countyB = await db.agency.findUniqueOrThrow({ where: { code: '330103' } });
  const accountB = await db.account.findFirstOrThrow({
    where: { agency: { OR: [{ id: countyB.id }, { ancestorIds: { has: countyB.id } }] } },
  });
  const accountA = await db.account.findFirstOrThrow({
    where: { agency: { OR: [{ id: countyA.id }, { ancestorIds: { has: countyA.id } }] } },
  });
  const email = `county-a-${Date.now()}@e2e.local`;
  await createUser({
    input: {
      name: '临溪县监管员',
      email,
      password: 'county-a-password',
      grants: [{ role: 'SUPERVISOR', agencyId: countyA.id }],
    },
    actorId: null,
    db,
  });
  await db.$disconnect();

  await signInAs(page, { email, password: 'county-a-password' });
  await page.goto('/');
  await expect(page.getByText(`范围：${countyA.name}`)).toBeVisible();
  await saveScreenshot(page, 'county-scope-overview');

  const own = await page.goto(`/accounts/${accountA.id}`);
  expect(own?.status()).toBe(200);
  const other = await page.goto(`/accounts/${accountB.id}`);
  expect(other?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '未找到' })).toBeVisible();
  await expect(page.getByText('不在您的管理范围内')).toBeVisible();
  await saveScreenshot(page, 'not-found-outside-scope');
  expect((await page.goto(`/agencies/${countyB.id}`))?.status()).toBe(404);

  const api = await page.request.get(`/api/findings?status=ALL&agencyId=${countyB.id}`);
  expect(api.status()).toBe(200);
  expect((await api.json()).total).toBe(0);
  const all: { items: Array<{ accountId: string }> } = await (
    await page.request.get('/api/findings?status=ALL')
  ).json();
  expect(all.items.length).toBeGreaterThan(0);
  const check = e2eDb();
  const outside = await check.account.count({
    where: {
      id: { in: all.items.map((f) => f.accountId) },
      NOT: { agency: { OR: [{ id: countyA.id }, { ancestorIds: { has: countyA.id } }] } },
    },
  });
  await check.$disconnect();
  expect(outside).toBe(0);
});

test('[PUBLIC] the findings API refuses anonymous callers', async ({ request }) => {
  const res = await request.get('/api/findings');
  expect(res.status()).toBe(401);
});

test('[AUDITOR] can read findings but gets no review controls', async ({ page }) => {
  await signInAs(page, 'auditor');
  await page.goto('/findings?status=ALL');
  await expect(page.getByRole('heading', { level: 1, name: '问题复核' })).toBeVisible();
  await expect(page.getByRole('button', { name: '确认' })).toHaveCount(0);
  await saveScreenshot(page, 'findings-auditor');
});
