import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers/auth';
import { e2eDb } from './helpers/db';
import { pagesOf, type Role } from './helpers/pages';
import { codesIn } from './helpers/visible-codes';

// Issue 14: internal codes must not reach users. Every page of every role, in zh-CN, is read as the user sees it
// (visible text) and fails on enum-like Latin tokens, edition codes and bare indicator codes
// (rules and allowlist: helpers/visible-codes.ts).

async function visibleText(page: Page): Promise<string> {
  // innerText is what is rendered, including visually hidden text a screen reader announces.
  return page.evaluate(() => document.body.innerText);
}

for (const role of ['supervisor', 'auditor', 'admin'] as const satisfies Role[]) {
  test(`[${role.toUpperCase()}] no page shows internal codes in zh-CN`, async ({ page }) => {
    test.setTimeout(300_000);
    await signInAs(page, role);
    const db = e2eDb();
    const editionCodes = (await db.indicatorEdition.findMany({ select: { code: true } })).map((e) => e.code);
    await db.$disconnect();
    const found = new Set<string>();
    for (const path of await pagesOf(role)) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      // The API reference documents the machine interface: its methods, enum values and error codes are what a
      // developer types, so it is the one page where codes are the words.
      if (path === '/settings/api') continue;
      const codes = path.startsWith('/admin/editions') ? [] : editionCodes;
      for (const hit of codesIn(await visibleText(page), codes)) found.add(`${path}: ${hit}`);
    }
    expect([...found]).toEqual([]);
  });
}

test('[PUBLIC] the sign-in page shows no internal codes', async ({ page }) => {
  await page.goto('/login');
  expect(codesIn(await visibleText(page))).toEqual([]);
});
