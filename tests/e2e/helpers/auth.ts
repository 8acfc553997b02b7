import { expect, type Page } from '@playwright/test';
import { E2E_BASE_URL } from './base-url';

export const DEMO_LOGINS = {
  admin: { email: 'admin@demo.xunjian.local', password: 'demo-admin-2026' },
  supervisor: { email: 'supervisor@demo.xunjian.local', password: 'demo-supervisor-2026' },
  auditor: { email: 'auditor@demo.xunjian.local', password: 'demo-auditor-2026' },
} as const;

/** Signs in through the auth API (not the form) so specs stay fast; the cookie lands in the page's context. */
export async function signInAs(
  page: Page,
  who: keyof typeof DEMO_LOGINS | { email: string; password: string },
): Promise<void> {
  const login = typeof who === 'string' ? DEMO_LOGINS[who] : who;
  const res = await page.request.post('/api/auth/sign-in/email', { data: login, headers: { origin: E2E_BASE_URL } });
  expect(res.status(), await res.text()).toBe(200);
}
