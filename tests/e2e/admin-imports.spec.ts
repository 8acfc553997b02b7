import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { signInAs } from './helpers/auth';
import { saveScreenshot } from './helpers/screenshot';

// Issue 14 item 6: imports as offices make them — the XLSX template, Chinese headers, a GBK CSV from Excel on a
// Chinese Windows, no import of garbled text; agency pickers as a searchable tree; no default role; destructive
// buttons look destructive and ask first.
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

// "主办单位代码*,平台,账号标识,账号名称,备案状态" + the template's example row + two 临溪县 Weibo accounts (one by the name
// 新浪微博, one display name with a quoted line break), saved as GBK (bytes from Python's gbk codec).
const GBK_SHEET = Buffer.from(
  'd6f7b0ecb5a5cebbb4fac2eb2a2cc6bdcca82cd5cbbac5b1eacab62cd5cbbac5c3fbb3c62cb1b8b0b8d7b4ccac0d0acabec0fd3333303130302ccea2b2a92c313233343536373839302ccabec0fdb7a2b2bc2cd2d1b1b8b0b80d0a3333303130322ccea2b2a92c373430303030303939392cc1d9cfaab7a2b2bca3a8d0c2a3a92cd2d1b1b8b0b80d0a3333303130322cd0c2c0cbcea2b2a92c373430303030303939382c22c1d9cfaacfd80ab1e3c3f1b7fecef1222cceb4b1b8b0b80d0a',
  'hex',
);

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

test('[ADMIN] downloads the registration template: Chinese headers, an example row, platform and agency code sheets', async ({
  page,
}) => {
  await signInAs(page, 'admin');
  const res = await page.request.get('/admin/accounts/import/template');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('spreadsheetml');
  expect(res.headers()['content-disposition']).toContain(encodeURIComponent('账号登记模板.xlsx'));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await res.body()) as unknown as ArrayBuffer);
  expect(book.worksheets.map((s) => s.name)).toEqual(['账号登记', '平台', '单位代码']);
  const sheet = book.getWorksheet('账号登记');
  const header = (sheet?.getRow(1).values as unknown[]).filter(Boolean);
  expect(header.slice(0, 4)).toEqual(['主办单位代码*', '平台*', '账号标识*', '账号名称*']);
  expect(String(sheet?.getCell('A2').value)).toMatch(/^示例\d+/);
  expect(sheet?.getCell('B2').value).toBe('微博');
  const platforms = book.getWorksheet('平台')?.getColumn(1).values.filter(Boolean);
  expect(platforms).toEqual(expect.arrayContaining(['微博', '微信公众号']));
  const codes = book.getWorksheet('单位代码')?.getColumn(1).values.filter(Boolean);
  expect(codes).toEqual(expect.arrayContaining(['330100', '330102']));

  // The page offers it next to the upload.
  await page.setViewportSize(DESKTOP);
  await page.goto('/admin/accounts/import');
  await expect(page.getByRole('link', { name: '下载登记模板（XLSX）' })).toHaveAttribute(
    'href',
    '/admin/accounts/import/template',
  );
});

test('[ADMIN] previews a GBK CSV with Chinese headers as Chinese text; a garbled file cannot be imported', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'admin');
  await page.goto('/admin/accounts/import');
  const confirm = page.getByRole('button', { name: '确认导入' });
  await page.getByLabel('文件').setInputFiles({ name: '账号登记.csv', mimeType: 'text/csv', buffer: GBK_SHEET });
  await page.getByRole('button', { name: '预览校验' }).click();
  const rows = page.getByRole('region', { name: '待导入账号' });
  await expect(rows).toContainText('待导入账号（2）');
  await expect(rows).toContainText('临溪发布（新）');
  await expect(rows).toContainText('临溪县');
  await expect(rows.getByRole('columnheader', { name: '主办单位代码' })).toBeVisible();
  // The example row was skipped, the platform named in words, nothing garbled.
  await expect(rows).not.toContainText('示例');
  await expect(rows).toContainText('微博');
  await expect(page.locator('body')).not.toContainText('\uFFFD');
  await expect(confirm).toBeEnabled();
  await saveScreenshot(page, 'import-gbk-preview-desktop');
  await fitsPhone(page, 'import-gbk-preview-phone');

  // Text broken before upload: the preview names the rows and the confirm button stays off.
  const garbled = Buffer.from(
    '主办单位代码,平台,账号标识,账号名称\n330102,微博,7400000997,临溪\uFFFD\uFFFD发布\n',
    'utf8',
  );
  await page.getByLabel('文件').setInputFiles({ name: 'garbled.csv', mimeType: 'text/csv', buffer: garbled });
  await page.getByRole('button', { name: '预览校验' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '乱码' })).toContainText('第 2 行');
  await expect(confirm).toBeDisabled();
  // The row error names the column by the template's header and says what to do, in Chinese.
  const rejected = page.getByRole('region', { name: '错误', exact: true });
  const garbledRow = rejected.getByRole('row').filter({ hasText: '另存为 UTF-8' });
  await expect(garbledRow).toContainText('账号名称');
  await expect(garbledRow).not.toContainText('display_name');
  await saveScreenshot(page, 'import-garbled-desktop');
});

test('[ADMIN] adds a role by picking the scope in a searchable tree; no role is preselected; deactivating asks first', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'admin');
  await page.goto('/admin/users');
  const form = page.getByRole('form', { name: /为 演示审计员 添加角色/ });
  await expect(form.getByLabel('角色')).toHaveValue('');
  const tree = form.getByRole('tree');
  // Roots open, deeper levels closed: not a flat list of every agency.
  expect(await tree.getByRole('treeitem').count()).toBeLessThan(20);
  await form.getByRole('searchbox').fill('白沙镇');
  await expect(tree.getByRole('treeitem', { name: '白沙镇人民政府' })).toBeVisible();
  await tree.getByRole('treeitem', { name: '白沙镇人民政府' }).click();
  await expect(form).toContainText('已选：江川省 ›');
  await expect(tree.getByRole('treeitem', { name: '白沙镇人民政府' })).toHaveAttribute('aria-selected', 'true');
  // Keyboard: clear the search, move into the tree, open a branch with →.
  await form.getByRole('searchbox').fill('');
  const first = tree.getByRole('treeitem').first();
  await first.focus();
  await page.keyboard.press('ArrowDown');
  const second = tree.getByRole('treeitem').nth(1);
  await expect(second).toBeFocused();
  if ((await second.getAttribute('aria-expanded')) === 'false') {
    await page.keyboard.press('ArrowRight');
    await expect(second).toHaveAttribute('aria-expanded', 'true');
  }
  await saveScreenshot(page, 'admin-users-picker-desktop');

  // 停用账号 is red and asks; dismissing the question changes nothing.
  const deactivate = page.getByRole('button', { name: '停用账号' }).first();
  await expect(deactivate).toHaveClass(/danger/);
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await deactivate.click();
  await expect.poll(() => asked).toContain('确定停用');
  await expect(page.getByRole('button', { name: '停用账号' }).first()).toBeVisible();
  await fitsPhone(page, 'admin-users-picker-phone');
});
