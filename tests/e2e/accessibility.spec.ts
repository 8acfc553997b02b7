import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers/auth';
import { e2eDb } from './helpers/db';

// WCAG 2.1 A/AA rules of axe-core on the main pages of each role; a serious or critical violation fails the test.
async function violations(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${path} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')})`);
}

test('[PUBLIC] the sign-in page has no serious accessibility violations', async ({ page }) => {
  expect(await violations(page, '/login')).toEqual([]);
});

test('[SUPERVISOR] overview, agency, account, findings, rectifications, alerts, inspections, reposts and exports pages', async ({ page }) => {
  test.setTimeout(120_000);
  const db = e2eDb();
  const account = await db.account.findFirstOrThrow({ where: { lifecycle: 'OPEN', platformCode: 'WEIBO' }, orderBy: { handle: 'asc' } });
  await db.$disconnect();
  await signInAs(page, 'supervisor');
  const found: string[] = [];
  for (const path of ['/', `/agencies/${account.agencyId}`, `/accounts/${account.id}`, '/findings', '/rectifications', '/alerts', '/inspections', '/repost-tasks', '/exports']) {
    found.push(...(await violations(page, path)));
  }
  expect(found).toEqual([]);
});

test('[ADMIN] admin pages', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'admin');
  const found: string[] = [];
  for (const path of ['/admin', '/admin/agencies', '/admin/accounts', '/admin/accounts/new', '/admin/accounts/import', '/admin/users', '/admin/lexicons', '/admin/editions', '/admin/credentials']) {
    found.push(...(await violations(page, path)));
  }
  expect(found).toEqual([]);
});
