import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers/auth';
import { e2eDb } from './helpers/db';
import { saveDesktopAndPhoneScreenshots, saveScreenshot } from './helpers/screenshot';

const stamp = `${Date.now() % 1_000_000}`;
const COOKIE = `SUB=_2A25e2esecret${randomBytes(8).toString('hex')}; SUBP=0033WrSX`;
type Recorded = { url: string; headers: Record<string, string>; body: string };
const recorded: Recorded[] = [];

/** Records the server-action POSTs the page makes, to replay them later as another user. */
function recordActions(page: Page) {
  page.on('request', (req) => {
    const headers = req.headers();
    if (req.method() === 'POST' && headers['next-action'])
      recorded.push({ url: req.url(), headers, body: req.postData() ?? '' });
  });
}

async function rootAgencyId() {
  const db = e2eDb();
  const root = await db.agency.findFirstOrThrow({ where: { parentId: null }, orderBy: { createdAt: 'asc' } });
  await db.$disconnect();
  return root.id;
}

test.describe.configure({ mode: 'serial' });

test('[ADMIN] adds a Weibo credential and sees only its masked hint; attaches it to an account', async ({ page }) => {
  recordActions(page);
  await signInAs(page, 'admin');
  await page.goto('/admin');
  await page.getByRole('link', { name: /平台凭据/ }).click();
  const form = page.getByRole('form', { name: '添加凭据' });
  await form.getByLabel('名称').fill(`江川发布微博-${stamp}`);
  // The kind decides the secret fields: WeChat backend asks for a cookie and a token, a Weibo cookie for one cookie.
  const kind = form.getByRole('combobox', { name: '类型' });
  await kind.selectOption('WECHAT_MP_BACKEND');
  await expect(form.getByLabel('token', { exact: true })).toBeVisible();
  await kind.selectOption('WEIBO_COOKIE');
  await expect(form.getByLabel('token', { exact: true })).toHaveCount(0);
  await form.getByLabel('Cookie', { exact: true }).fill(COOKIE);
  await saveDesktopAndPhoneScreenshots(page, 'admin-credential-form');
  await form.getByRole('button', { name: '添加凭据' }).click();
  await expect(form.getByRole('status')).toHaveText('凭据已加密保存');
  const row = page.getByRole('row', { name: new RegExp(`江川发布微博-${stamp}`) });
  await expect(row).toContainText(`cookie ${COOKIE.length} chars …${COOKIE.slice(-4)}`);
  expect(await page.content()).not.toContain('e2esecret');
  await saveScreenshot(page, 'admin-credentials');

  const db = e2eDb();
  const stored = await db.platformCredential.findFirstOrThrow({ where: { label: `江川发布微博-${stamp}` } });
  expect(Buffer.from(stored.ciphertext).toString('latin1')).not.toContain('e2esecret');
  const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'credential.create', entityId: stored.id } });
  expect(JSON.stringify(audit)).not.toContain('e2esecret');
  const agency = await db.agency.findFirstOrThrow({
    where: { parentId: await rootAgencyId() },
    orderBy: { name: 'asc' },
  });
  const account = await db.account.create({
    data: {
      agencyId: agency.id,
      platformCode: 'WEIBO',
      handle: `78${stamp}`,
      displayName: `江川生命周期-${stamp}`,
      filingStatus: 'FILED',
      filingNumber: `川网信备${stamp}号`,
      openedAt: new Date('2025-01-01T00:00:00Z'),
    },
  });

  await page.goto(`/admin/accounts?q=${encodeURIComponent(`江川生命周期-${stamp}`)}`);
  await page.getByRole('link', { name: `管理 江川生命周期-${stamp}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `江川生命周期-${stamp}` })).toBeVisible();
  const attach = page.getByRole('form', { name: '设置抓取凭据' });
  const credential = attach.getByRole('combobox', { name: '凭据' });
  await expect(credential).toHaveValue('');
  await expect(credential.locator('option:checked')).toHaveText('不使用凭据（匿名抓取）');
  await credential.selectOption(stored.id);
  await saveDesktopAndPhoneScreenshots(page, 'admin-attach-credential');
  await attach.getByRole('button', { name: '设置抓取凭据' }).click();
  await expect(attach.getByRole('status')).toHaveText('抓取凭据已更新');
  expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).credentialId).toBe(stored.id);
  await db.$disconnect();
});

test('[ADMIN] records a filed change and a close on an account and sees both in its history', async ({ page }) => {
  recordActions(page);
  await signInAs(page, 'admin');
  const db = e2eDb();
  const account = await db.account.findUniqueOrThrow({
    where: { platformCode_handle: { platformCode: 'WEIBO', handle: `78${stamp}` } },
  });
  await page.goto(`/admin/accounts/${account.id}`);
  const change = page.getByRole('form', { name: '登记变更' });
  await change.getByLabel('新名称').fill(`江川市生命周期-${stamp}`);
  await change.getByLabel('备案号').fill(`川网信变2026-${stamp}`);
  await change.getByLabel('说明').fill('机构更名');
  await change.getByRole('button', { name: '登记变更' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `江川市生命周期-${stamp}` })).toBeVisible();
  const history = page.getByRole('region', { name: '账号历史' });
  await expect(history.getByRole('row').filter({ hasText: `川网信变2026-${stamp}` })).toContainText(
    `名称: 江川生命周期-${stamp} → 江川市生命周期-${stamp}`,
  );

  const close = page.getByRole('form', { name: '登记关停' });
  await close.getByLabel('备案号').fill(`川网信注2026-${stamp}`);
  await close.getByLabel('关停原因').fill('整合关停，已注销');
  await close.getByRole('button', { name: '登记关停' }).click();
  await expect(page.getByText('已关停', { exact: true })).toBeVisible();
  await expect(history.getByRole('row').filter({ hasText: `川网信注2026-${stamp}` })).toContainText('整合关停，已注销');
  await expect(page.getByRole('form', { name: '恢复开设' })).toBeVisible();
  await expect(page.getByRole('form', { name: '登记变更' })).toHaveCount(0);
  await saveScreenshot(page, 'admin-account-lifecycle');

  const stored = await db.account.findUniqueOrThrow({ where: { id: account.id } });
  expect(stored).toMatchObject({ displayName: `江川市生命周期-${stamp}`, lifecycle: 'CLOSED' });
  const events = await db.accountLifecycleEvent.findMany({
    where: { accountId: account.id },
    orderBy: { createdAt: 'asc' },
  });
  expect(events.map((e) => [e.lifecycle, e.filingNumber])).toEqual([
    ['CHANGED', `川网信变2026-${stamp}`],
    ['CLOSED', `川网信注2026-${stamp}`],
  ]);
  expect(events[0]?.changes).toEqual({ displayName: { from: `江川生命周期-${stamp}`, to: `江川市生命周期-${stamp}` } });
  expect(
    await db.auditLog.count({ where: { entityId: account.id, action: { in: ['account.change', 'account.close'] } } }),
  ).toBe(2);
  await db.$disconnect();
});

test('[ADMIN] renames an agency and moves it with its subtree under another', async ({ page }) => {
  recordActions(page);
  await signInAs(page, 'admin');
  const db = e2eDb();
  const rootId = await rootAgencyId();
  const make = (name: string, parentId: string, ancestorIds: string[]) =>
    db.agency.create({ data: { name, parentId, ancestorIds, level: 'DEPARTMENT' } });
  const a = await make(`测试单位甲-${stamp}`, rootId, [rootId]);
  const child = await make(`测试单位甲下级-${stamp}`, a.id, [rootId, a.id]);
  const b = await make(`测试单位乙-${stamp}`, rootId, [rootId]);

  await page.goto('/admin/agencies');
  await page.getByRole('link', { name: `编辑 测试单位甲-${stamp}` }).click();
  const rename = page.getByRole('form', { name: '重命名' });
  await rename.getByLabel('新名称').fill(`测试单位丙-${stamp}`);
  await rename.getByRole('button', { name: '重命名' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `测试单位丙-${stamp}` })).toBeVisible();
  const move = page.getByRole('form', { name: '移动到' });
  await expect(move.getByRole('option', { name: new RegExp(`测试单位甲下级-${stamp}`) })).toHaveCount(0);
  await move.getByLabel('新的上级单位').selectOption(b.id);
  await move.getByRole('button', { name: '移动到' }).click();
  await expect(move.getByRole('status')).toHaveText('已移动');
  await expect(page.getByText(`上级单位: 测试单位乙-${stamp}`)).toBeVisible();
  await saveScreenshot(page, 'admin-agency-edit');

  expect(await db.agency.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
    name: `测试单位丙-${stamp}`,
    parentId: b.id,
    ancestorIds: [rootId, b.id],
  });
  expect((await db.agency.findUniqueOrThrow({ where: { id: child.id } })).ancestorIds).toEqual([rootId, b.id, a.id]);
  await page.goto('/admin/agencies');
  await expect(page.getByRole('treeitem', { name: new RegExp(`测试单位丙-${stamp}`) })).toHaveAttribute(
    'aria-level',
    '3',
  );
  await db.$disconnect();
});

test('[SUPERVISOR] cannot reach these pages nor call their actions', async ({ page }) => {
  expect(recorded.length).toBeGreaterThanOrEqual(5);
  await signInAs(page, 'supervisor');
  const db = e2eDb();
  const account = await db.account.findUniqueOrThrow({
    where: { platformCode_handle: { platformCode: 'WEIBO', handle: `78${stamp}` } },
  });
  const agency = await db.agency.findFirstOrThrow({ where: { name: `测试单位丙-${stamp}` } });
  for (const path of ['/admin/credentials', `/admin/accounts/${account.id}`, `/admin/agencies/${agency.id}`]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/forbidden$/);
  }
  await saveScreenshot(page, 'supervisor-admin-lifecycle-forbidden');
  const before = {
    credentials: await db.platformCredential.count(),
    events: await db.accountLifecycleEvent.count(),
    audits: await db.auditLog.count(),
  };
  for (const r of recorded) {
    const { cookie: _cookie, host: _host, 'content-length': _length, ...headers } = r.headers;
    const res = await page.request.post(r.url, { headers, data: r.body });
    expect(await res.text()).toContain('"code":"FORBIDDEN"');
  }
  expect({
    credentials: await db.platformCredential.count(),
    events: await db.accountLifecycleEvent.count(),
    audits: await db.auditLog.count(),
  }).toEqual(before);
  expect((await db.agency.findUniqueOrThrow({ where: { id: agency.id } })).name).toBe(`测试单位丙-${stamp}`);
  await db.$disconnect();
});
