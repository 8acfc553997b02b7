import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers/auth';
import { pathsOf, resolvePaths } from './helpers/pages';

// WCAG 2.1 A/AA rules of axe-core on the main pages of each role; a serious or critical violation fails the test.
async function violations(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${path} ${v.id}: ${v.help} (${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')})`,
    );
}

test('[PUBLIC] the sign-in page has no serious accessibility violations', async ({ page }) => {
  expect(await violations(page, '/login')).toEqual([]);
});

// One test per page: each axe scan gets its own time budget and a failure names its page. The pages are those of
// helpers/page-list.ts (every page of the app): a supervisor's, then the ones only an administrator opens.
const SUPERVISOR_PAGES = pathsOf('supervisor');
const ADMIN_PAGES = pathsOf('admin').filter((p) => !SUPERVISOR_PAGES.includes(p));

for (const path of SUPERVISOR_PAGES) {
  test(`[SUPERVISOR] ${path} has no serious accessibility violations`, async ({ page }) => {
    const [resolved = path] = await resolvePaths([path]);
    await signInAs(page, 'supervisor');
    expect(await violations(page, resolved)).toEqual([]);
  });
}

for (const path of ADMIN_PAGES) {
  test(`[ADMIN] ${path} has no serious accessibility violations`, async ({ page }) => {
    const [resolved = path] = await resolvePaths([path]);
    await signInAs(page, 'admin');
    expect(await violations(page, resolved)).toEqual([]);
  });
}
