import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { proxy } from '@/proxy';
import { contentSecurityPolicy } from '@/lib/security/headers';

describe('security headers (issue 13 item 10)', () => {
  it('every page response gets a fresh nonce CSP, handed to Next.js on the request as well', () => {
    const a = proxy(new NextRequest('http://127.0.0.1:3000/login'));
    const b = proxy(new NextRequest('http://127.0.0.1:3000/login'));
    const csp = a.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toBe(b.headers.get('content-security-policy'));
    // NextResponse.next({ request }) passes overridden request headers this way.
    expect(a.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
    expect(a.headers.get('x-content-type-options')).toBe('nosniff');
    expect(a.headers.get('referrer-policy')).toBe('same-origin');
    expect(a.headers.get('strict-transport-security')).toBeNull();
  });
  it('over https: HSTS and upgrade-insecure-requests; never eval outside development', () => {
    const res = proxy(new NextRequest('https://xunjian.example.gov.cn/'));
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy('n', { dev: false, https: true })).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy('n', { dev: true, https: false })).toContain('unsafe-eval');
  });
  it('a malformed URL is still a 400', () => {
    expect(proxy(new NextRequest('http://127.0.0.1:3000/accounts/%ED%A0%80')).status).toBe(400);
  });
});
