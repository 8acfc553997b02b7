import { expect, test, type Page } from '@playwright/test';
import { DEMO_LOGINS } from './helpers/auth';
import { saveScreenshot } from './helpers/screenshot';

// Issue 13 item 10 against the production server (scripts/serve.mjs after `next build`): headers, a nonce CSP that
// the app, next-intl and recharts work under, and forged forwarding headers ignored (TRUSTED_PROXY_HOPS=0).

/** Collects CSP violations the browser reports, from before the first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) console.push(m.text());
  });
  return async () => [
    ...console,
    ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
  ];
}

test('[PUBLIC] pages carry a nonce CSP, no framing, nosniff and a referrer policy; no HSTS over http', async ({
  request,
}) => {
  const first = await request.get('/login');
  const second = await request.get('/login');
  const csp = first.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-eval');
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).not.toBe(/'nonce-([^']+)'/.exec(second.headers()['content-security-policy'] ?? '')?.[1]);
  // Every script Next.js wrote into the page carries this response's nonce.
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  expect(first.headers()['x-content-type-options']).toBe('nosniff');
  expect(first.headers()['referrer-policy']).toBe('same-origin');
  expect(first.headers()['x-frame-options']).toBe('DENY');
  expect(first.headers()['strict-transport-security']).toBeUndefined();
  // A client claiming https through X-Forwarded-Proto is not a TLS connection: no HSTS, no upgrade.
  const forged = await request.get('/login', {
    headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '10.9.8.7' },
  });
  expect(forged.headers()['strict-transport-security']).toBeUndefined();
  expect(forged.headers()['content-security-policy']).not.toContain('upgrade-insecure-requests');
  const api = await request.get('/api/health');
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
});

for (const viewport of [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`[SUPERVISOR] signing in through the form, the overview chart and the language switch work under the CSP (${viewport.name})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const violations = await watchViolations(page);
    await page.goto('/login');
    await page.getByLabel('邮箱').fill(DEMO_LOGINS.supervisor.email);
    await page.getByLabel('密码').fill(DEMO_LOGINS.supervisor.password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '监管总览' })).toBeVisible();
    await expect(page.locator('.recharts-surface').first()).toBeVisible();
    await expect(page.locator('.recharts-surface path').first()).toBeAttached();
    await saveScreenshot(page, `csp-overview-${viewport.name}`);
    if (viewport.name === 'desktop') {
      // On a phone the language switch sits in the menu; once is enough to show next-intl works under the CSP.
      await page.getByLabel('语言').selectOption('en');
      await expect(page.getByRole('heading', { level: 1, name: 'Supervision overview' })).toBeVisible();
      await page.getByLabel('Language').selectOption('zh-CN');
      await expect(page.getByRole('heading', { level: 1, name: '监管总览' })).toBeVisible();
    }
    expect(await violations()).toEqual([]);
  });
}

test('[PUBLIC] the page refuses to be framed (frame-ancestors, X-Frame-Options)', async ({ page }) => {
  await page.goto('/login');
  await page.setContent(`<iframe id="f" src="${new URL('/login', page.url()).toString()}"></iframe>`);
  const frame = page.frameLocator('#f');
  await page.waitForTimeout(1000);
  await expect(frame.getByRole('heading', { name: '登录巡检' })).toHaveCount(0);
});
