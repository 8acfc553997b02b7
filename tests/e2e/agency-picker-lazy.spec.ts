import { expect, test } from '@playwright/test';
import { createUser } from '@/lib/services/create-user';
import { signInAs } from './helpers/auth';
import { e2eDb } from './helpers/db';
import { saveDesktopAndPhoneScreenshots } from './helpers/screenshot';

// Issue 16: at province scale the findings page sent every agency of the scope to its picker on every request.
// A big scope now sends the top of the tree and the picker loads branches and searches on demand. The demo
// province is small, so scripts/e2e-server.mjs sets AGENCY_PICKER_EAGER_MAX low: the supervisor's picker is lazy.
const LABEL = '按单位筛选';
const DESKTOP = { width: 1440, height: 900 };

test('[SUPERVISOR] the findings picker loads a branch when opened, searches on the server, and filters the queue', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'supervisor');
  await page.goto('/findings?status=ALL');
  await page.getByText(LABEL, { exact: true }).first().click();
  const picker = page.getByRole('group', { name: LABEL });
  const city = picker.getByRole('treeitem', { name: '江川市', exact: true });
  // Only the top came with the page: the city's counties are not there until it opens.
  await expect(city).toHaveAttribute('aria-expanded', 'false');
  await expect(picker.getByRole('treeitem', { name: '临溪县', exact: true })).toHaveCount(0);

  // The keyboard opens it as before (→ opens, → again goes to the first child, ← goes back up).
  const loaded = page.waitForResponse((r) => r.url().includes('/api/agencies/options?parentId=') && r.ok());
  await city.focus();
  await city.press('ArrowRight');
  await loaded;
  await expect(city).toHaveAttribute('aria-expanded', 'true');
  const county = picker.getByRole('treeitem', { name: '临溪县', exact: true });
  await expect(county).toHaveAttribute('aria-level', '3');
  await city.press('ArrowRight');
  await expect(picker.getByRole('treeitem', { level: 3 }).first()).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(city).toBeFocused();

  await county.locator('.twisty').click();
  const town = picker.getByRole('treeitem', { name: '白沙镇人民政府', exact: true });
  await expect(town).toHaveAttribute('aria-level', '4');
  await saveDesktopAndPhoneScreenshots(page, 'agency-picker-lazy-branch');
  await town.click();
  await expect(town).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: '按此单位筛选' }).click();
  await expect(page).toHaveURL(/agencyId=/);
  await expect(page.getByRole('region', { name: '当前筛选' })).toContainText('单位：白沙镇人民政府');

  // Loaded afresh, the page sends the chosen agency's path, so its label still shows.
  await page.reload();
  await page.getByText(LABEL, { exact: true }).first().click();
  await expect(picker.getByText('已选：江川省 › 江川市 › 临溪县 › 白沙镇人民政府')).toBeVisible();

  // Typing asks the server (after a pause) and shows each match under its path.
  const searched = page.waitForResponse((r) => r.url().includes('/api/agencies/options?q=') && r.ok());
  await picker.getByRole('searchbox').fill('溪口');
  await searched;
  await expect(picker.getByRole('treeitem', { name: '溪口乡人民政府', exact: true })).toHaveAttribute(
    'aria-level',
    '4',
  );
  await expect(picker.getByRole('treeitem', { name: '临溪县', exact: true })).toBeVisible();
  await saveDesktopAndPhoneScreenshots(page, 'agency-picker-lazy-search');
  await picker.getByRole('treeitem', { name: '溪口乡人民政府', exact: true }).click();
  await page.getByRole('button', { name: '按此单位筛选' }).click();
  await expect(page.getByRole('region', { name: '当前筛选' })).toContainText('单位：溪口乡人民政府');
  // Cleared, the search leaves the choice in the tree, under its path.
  await picker.getByRole('searchbox').fill('');
  await expect(picker.getByText('已选：江川省 › 江川市 › 临溪县 › 溪口乡人民政府')).toBeVisible();
});

test('[SCOPE] the picker route answers only inside the caller scope', async ({ page }) => {
  const db = e2eDb();
  const county = await db.agency.findUniqueOrThrow({ where: { code: '330103' } });
  const city = await db.agency.findUniqueOrThrow({ where: { code: '330100' } });
  const email = `picker-county-${Date.now()}@e2e.local`;
  await createUser({
    input: {
      name: '河西区监管员',
      email,
      password: 'picker-county-password',
      grants: [{ role: 'SUPERVISOR', agencyId: county.id }],
    },
    actorId: null,
    db,
  });
  await db.$disconnect();
  await signInAs(page, { email, password: 'picker-county-password' });

  expect((await page.request.get(`/api/agencies/options?parentId=${city.id}`)).status()).toBe(404);
  const own = await page.request.get(`/api/agencies/options?parentId=${county.id}`);
  expect(own.status()).toBe(200);
  const children = ((await own.json()) as { agencies: Array<{ parentId: string }> }).agencies;
  expect(children.length).toBeGreaterThan(0);
  expect(children.every((a) => a.parentId === county.id)).toBe(true);
  // 临溪县 is the neighbouring county: a search for it finds nothing here.
  const other = await page.request.get(`/api/agencies/options?q=${encodeURIComponent('临溪')}`);
  expect(await other.json()).toEqual({ agencies: [], truncated: false });
  expect((await page.request.get('/api/agencies/options?parentId=not-an-id')).status()).toBe(400);
});
