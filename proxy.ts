import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, createNonce, securityHeaders } from '@/lib/security/headers';

/**
 * Runs before every page and route (not static assets):
 * - refuses URLs no page can mean with 400 before Next.js routes them: a path that does not percent-decode to
 *   UTF-8 (`/accounts/%ED%A0%80`, an encoded lone surrogate, answered 500 by Next's own parameter decoding) and a
 *   NUL anywhere in the path or query (PostgreSQL text refuses it, so it would fail deep inside as a 500);
 * - sets the security headers and a per-request CSP nonce (docs/security.md). The scheme is the one
 *   scripts/serve.mjs decided (a client's own X-Forwarded-Proto is dropped unless TRUSTED_PROXY_HOPS says a proxy set it).
 */
export function proxy(request: NextRequest): NextResponse {
  if (!isAcceptableUrl(request.nextUrl)) return new NextResponse('Bad Request: malformed URL', { status: 400 });
  const https = request.nextUrl.protocol === 'https:';
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development', https });
  const requestHeaders = new Headers(request.headers);
  // Next.js takes the nonce for its own scripts from the request's CSP header.
  requestHeaders.set('Content-Security-Policy', csp);
  requestHeaders.set('x-nonce', nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

export function isAcceptableUrl(url: URL): boolean {
  if (/%00/i.test(url.pathname) || /%00/i.test(url.search)) return false;
  try {
    decodeURIComponent(url.pathname);
    // Query values are decoded leniently (U+FFFD) by URLSearchParams; refuse them here so no page sees them.
    decodeURIComponent(url.search.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Static assets never reach pages; everything else passes the check and gets the headers.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
