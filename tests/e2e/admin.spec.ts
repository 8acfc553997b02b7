import { expect, test } from '@playwright/test';
import { pickAgency } from './helpers/agency-picker';
import { signInAs } from './helpers/auth';
import { e2eDb } from './helpers/db';
import { saveScreenshot } from './helpers/screenshot';

const csv = (rows: string[]) => ({
  name: 'accounts.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(['agency_code,platform,handle,display_name,filing_status', ...rows].join('\n')),
});

test('[ADMIN] registers a Weibo account', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/admin');
  await saveScreenshot(page, 'admin-index');
  await page.getByRole('link', { name: '登记新账号' }).click();
  await pickAgency(page, '主办单位', '江川市公安局');
  await page.getByRole('combobox', { name: /^平台/ }).selectOption('WEIBO');
  const handle = `79${Date.now() % 100000000}`;
  await page.getByLabel('平台标识').fill(handle);
  await page.getByLabel('账号名称').fill('江川公安');
  await page.getByLabel('备案状态').selectOption('FILED');
  await saveScreenshot(page, 'admin-register');
  await page.getByRole('button', { name: '登记' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '江川公安' })).toBeVisible();

  await page.goto('/admin/accounts/new');
  await pickAgency(page, '主办单位', '江川市公安局');
  await page.getByRole('combobox', { name: /^平台/ }).selectOption('WEIBO');
  await page.getByLabel('平台标识').fill(handle);
  await page.getByLabel('账号名称').fill('重复账号');
  await page.getByRole('button', { name: '登记' }).click();
  await expect(page.locator('form').getByRole('alert')).toContainText('该账号已登记');
});

test('[ADMIN] imports a CSV with one bad row and nothing is imported, then fixes it', async ({ page }) => {
  await signInAs(page, 'admin');
  const stamp = Date.now() % 1000000;
  const good = [
    `330100-02,WEIBO,7701${stamp},江川公安导入一,FILED`,
    `330100-03,WECHAT,gh_imp${stamp},江川卫健导入二,FILED`,
  ];
  await page.goto('/admin/accounts/import');
  await page.getByLabel('文件').setInputFiles(csv([...good, `330100-02,MYSPACE,bad${stamp},坏行,FILED`]));
  await page.getByRole('button', { name: '预览校验' }).click();
  await expect(page.getByRole('heading', { name: /未导入任何账号/ })).toBeVisible();
  await expect(page.getByRole('cell', { name: '4', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await saveScreenshot(page, 'admin-import-rejected');
  const db = e2eDb();
  expect(await db.account.count({ where: { handle: { in: [`7701${stamp}`, `gh_imp${stamp}`] } } })).toBe(0);

  await page.getByLabel('文件').setInputFiles(csv(good));
  await page.getByRole('button', { name: '预览校验' }).click();
  await expect(page.getByRole('heading', { name: /待导入账号/ })).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByRole('status')).toContainText('已导入 2 个账号');
  await saveScreenshot(page, 'admin-import-done');
  expect(await db.account.count({ where: { handle: { in: [`7701${stamp}`, `gh_imp${stamp}`] } } })).toBe(2);
  await db.$disconnect();
});

test('[ADMIN] creates a user scoped to a county', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/admin/users');
  const email = `county-${Date.now()}@e2e.local`;
  const form = page.getByRole('form', { name: '创建用户' });
  await form.getByLabel('姓名').fill('河西区监管员');
  await form.getByLabel('邮箱').fill(email);
  await form.getByLabel('密码').fill('hexi-password-1');
  await form.getByLabel('角色').selectOption('SUPERVISOR');
  await pickAgency(form, '管辖范围', '河西区');
  await form.getByRole('button', { name: '创建用户' }).click();
  await expect(page.getByRole('cell', { name: email })).toBeVisible();
  await saveScreenshot(page, 'admin-users');
});

test('[ADMIN] deactivates a user (who can no longer sign in), reactivates, adds and removes a role, resets the password', async ({
  page,
  browser,
}) => {
  await signInAs(page, 'admin');
  await page.goto('/admin/users');
  const email = `manage-${Date.now()}@e2e.local`;
  const form = page.getByRole('form', { name: '创建用户' });
  await form.getByLabel('姓名').fill('待管理用户');
  await form.getByLabel('邮箱').fill(email);
  await form.getByLabel('密码').fill('manage-password-1');
  await form.getByLabel('角色').selectOption('AUDITOR');
  await pickAgency(form, '管辖范围', '河西区');
  await form.getByRole('button', { name: '创建用户' }).click();
  const row = page.getByTestId('user-row').filter({ hasText: email });
  await expect(row).toContainText('启用');

  const other = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const signIn = (password: string) =>
    other.request.post('/api/auth/sign-in/email', {
      data: { email, password },
      headers: { origin: new URL(page.url()).origin },
    });
  expect((await signIn('manage-password-1')).status()).toBe(200);

  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: '停用账号' }).click();
  await expect(row).toContainText('已停用');
  expect((await signIn('manage-password-1')).status()).toBe(401);
  await saveScreenshot(page, 'admin-users-deactivated');
  await row.getByRole('button', { name: '重新启用' }).click();
  await expect(row.getByRole('button', { name: '停用账号' })).toBeVisible();

  const add = row.getByRole('form', { name: '为 待管理用户 添加角色' });
  await add.getByLabel('角色').selectOption('SUPERVISOR');
  await pickAgency(add, '管辖范围', '河西区');
  await add.getByRole('button', { name: '添加角色' }).click();
  await expect(row).toContainText('监管人员 · 河西区');
  // Removing a role is destructive: it asks first.
  page.once('dialog', (d) => void d.accept());
  await row
    .getByRole('form', { name: /删除角色 审计人员/ })
    .getByRole('button', { name: '删除' })
    .click();
  await expect(row.getByText(/审计人员 · 河西区/)).toHaveCount(0);

  const reset = row.getByRole('form', { name: '重置 待管理用户 的密码' });
  await reset.getByLabel(/新密码/).fill('another-password-2');
  await reset.getByRole('button', { name: '重置密码' }).click();
  await expect(reset.getByRole('status')).toContainText('密码已重置');
  expect((await signIn('manage-password-1')).status()).toBe(401);
  expect((await signIn('another-password-2')).status()).toBe(200);
  await other.close();
  await saveScreenshot(page, 'admin-users-managed');
});

test('[AUDITOR] cannot reach admin pages', async ({ page }) => {
  await signInAs(page, 'auditor');
  for (const path of ['/admin', '/admin/accounts', '/admin/accounts/import', '/admin/users']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/forbidden$/);
  }
  await expect(page.getByRole('heading', { level: 1, name: '无权访问' })).toBeVisible();
  await expect(page.getByRole('link', { name: '管理' })).toHaveCount(0);
  await saveScreenshot(page, 'auditor-forbidden');
});

test('[ADMIN] adds an agency to the tree', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/admin/agencies');
  const name = `临溪县测试镇${Date.now() % 10000}`;
  await page.getByLabel('上级单位').selectOption({ label: '　　临溪县' });
  await page.getByLabel('名称').fill(name);
  await page.getByLabel('层级').selectOption('TOWNSHIP');
  await page.getByLabel('账号命名规则（正则）').fill('(');
  await page.getByRole('button', { name: '新增下级单位' }).click();
  await expect(page.locator('form').getByRole('alert')).toContainText('账号命名规则：不是有效的正则表达式');
  await page.getByLabel('账号命名规则（正则）').fill('发布$');
  await page.getByRole('button', { name: '新增下级单位' }).click();
  await expect(page.getByRole('treeitem').filter({ hasText: name })).toBeVisible();
  await saveScreenshot(page, 'admin-agencies');
});

test('[ADMIN] edits a lexicon: adds a typo with its correct form and disables it', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/admin/lexicons');
  await page.getByRole('link', { name: '常见错别字（错→正）' }).click();
  // The editor of the lexicon shown before stays until the navigation lands: work inside the one asked for.
  const editor = page.getByRole('region', { name: '常见错别字（错→正）' });
  const term = `测试错词${Date.now() % 10000}`;
  await editor.getByLabel('词条').fill(term);
  await editor.getByLabel('正确写法').fill('测试正词');
  await editor.getByRole('button', { name: '添加词条' }).click();
  const row = page.getByRole('row').filter({ hasText: term });
  await expect(row).toContainText('测试正词');
  await row.getByRole('button', { name: '停用' }).click();
  await expect(row.getByRole('button', { name: '启用' })).toBeVisible();
  await saveScreenshot(page, 'admin-lexicons');
});

test('[ADMIN] guards a protected name: the term and its correct name are the same', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/admin/lexicons');
  await page.getByRole('link', { name: /严重表述错误/ }).click();
  const editor = page.getByRole('region', { name: /严重表述错误/ });
  const name = `江川省测试委员会${Date.now() % 10000}`;
  await editor.getByLabel('词条').fill(name);
  await editor.getByLabel('正确名称').fill(name);
  await expect(editor.getByText(/两者相同表示保护该名称/)).toBeVisible();
  await editor.getByRole('button', { name: '添加词条' }).click();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: name }).getByRole('cell').nth(1)).toHaveText(name);
  await saveScreenshot(page, 'admin-lexicons-protected');
});

test('[ADMIN] enters a leader with titles and protocol rank', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/admin/lexicons');
  await page.getByRole('link', { name: /严重表述错误/ }).click();
  const editor = page.getByRole('region', { name: /严重表述错误/ });
  const name = `测试领导${Date.now() % 10000}`;
  await editor.getByLabel('词条').fill(name);
  await editor.getByLabel('领导职务').fill('省委副书记、省长');
  await editor.getByLabel('排序').fill('2');
  await editor.getByRole('button', { name: '添加词条' }).click();
  await expect(editor.getByRole('row').filter({ hasText: name })).toContainText('职务：省委副书记、省长；排序 2');
  await saveScreenshot(page, 'admin-lexicons-leader');
});

test('[ADMIN] adds an evasion term that also matches homophone substitutions', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/admin/lexicons');
  await page.getByRole('link', { name: '商业广告与卖货' }).click();
  const editor = page.getByRole('region', { name: '商业广告与卖货' });
  const term = `代卖名表${Date.now() % 10000}`;
  await editor.getByLabel('词条').fill(term);
  await editor.getByLabel(/同音规避/).check();
  await editor.getByRole('button', { name: '添加词条' }).click();
  await expect(page.getByRole('row').filter({ hasText: term })).toContainText('匹配同音字');
  await saveScreenshot(page, 'admin-lexicons-evasion');
});
