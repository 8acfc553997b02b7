import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers/auth';
import { pagesOf, slug, type Role } from './helpers/pages';
import { saveScreenshot } from './helpers/screenshot';

// Issue 14: supervisors read alerts on their phones. At 390×844 no page may scroll sideways: wide tables scroll
// inside their panel or stack into cards, and the navigation folds behind a menu button.
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; widest: string[] }> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    // Name the elements that stick out (outside any element that scrolls itself) so a failure says where to look.
    const widest = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > innerWidth + 1)
      .filter((el) => {
        for (let p = el.parentElement; p; p = p.parentElement)
          if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return false;
        return true;
      })
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} → ${Math.round(el.getBoundingClientRect().right)}px`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, widest };
  });
}

/**
 * The overflow once the page has re-laid itself out for the new width: charts and menus measure the viewport and
 * re-render a moment after a resize, later on a busy machine. Waits up to 3 s for the page to fit; a page that still
 * does not fit then is reported with what sticks out.
 */
async function settledOverflow(page: Page): Promise<Awaited<ReturnType<typeof overflow>>> {
  await page.waitForTimeout(150);
  let o = await overflow(page);
  for (let waited = 0; o.scrollWidth > o.innerWidth && waited < 3_000; waited += 250) {
    await page.waitForTimeout(250);
    o = await overflow(page);
  }
  return o;
}

for (const role of ['supervisor', 'auditor', 'admin'] as const satisfies Role[]) {
  test(`[${role.toUpperCase()}] every page fits a 390 px phone without scrolling sideways`, async ({ page }) => {
    test.setTimeout(300_000);
    const paths = await pagesOf(role);
    await signInAs(page, role);
    const wide: string[] = [];
    for (const path of paths) {
      await page.setViewportSize(DESKTOP);
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await saveScreenshot(page, `layout-${role}-${slug(path)}-desktop`);
      await page.setViewportSize(PHONE);
      const o = await settledOverflow(page);
      if (o.scrollWidth > o.innerWidth)
        wide.push(`${path}: ${o.scrollWidth}px > ${o.innerWidth}px (${o.widest.join('; ')})`);
      await saveScreenshot(page, `layout-${role}-${slug(path)}-phone`);
    }
    expect(wide).toEqual([]);
  });
}

test('[PUBLIC] the sign-in page fits a phone', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/login');
  const o = await overflow(page);
  expect(o.scrollWidth, o.widest.join('; ')).toBeLessThanOrEqual(o.innerWidth);
  await saveScreenshot(page, 'layout-public-login-phone');
});

test('[SUPERVISOR] the phone menu is one button that opens and closes the navigation', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signInAs(page, 'supervisor');
  await page.goto('/');
  const menu = page.getByRole('button', { name: '菜单' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('link', { name: /^提醒/ })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await saveScreenshot(page, 'layout-supervisor-menu-open-phone');
  await page.getByRole('link', { name: /^提醒/ }).click();
  await expect(page).toHaveURL(/\/alerts$/);
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await menu.click();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  // On a desktop the links sit in the bar and the button is gone.
  await page.setViewportSize(DESKTOP);
  await expect(menu).toBeHidden();
  await expect(page.getByRole('link', { name: /^提醒/ })).toBeVisible();
});
