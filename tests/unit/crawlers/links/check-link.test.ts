import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkChecker, type LinkChecker } from '@/crawlers/links/check-link';

// A real loopback server, allowlisted by host:port exactly as the sandbox is (CRAWLER_ALLOW_HOSTS): every other
// private address stays refused by the address guard.

let server: Server;
let base = '';
let hostPort = '';
let inFlight = 0;
let maxInFlight = 0;
const seen: string[] = [];

const ROUTES: Record<string, (method: string) => { status: number; location?: string; delayMs?: number }> = {
  '/ok': () => ({ status: 200 }),
  '/missing': () => ({ status: 404 }),
  '/gone': () => ({ status: 410 }),
  '/broken': () => ({ status: 500 }),
  '/moved': () => ({ status: 301, location: '/ok' }),
  '/chain-1': () => ({ status: 302, location: '/chain-2' }),
  '/chain-2': () => ({ status: 307, location: '/missing' }),
  '/to-private': () => ({ status: 302, location: 'http://10.0.0.1/admin' }),
  '/to-loopback-elsewhere': () => ({ status: 302, location: 'http://127.0.0.1:1/' }),
  '/loop': () => ({ status: 302, location: '/loop' }),
  '/no-head': (method) => (method === 'HEAD' ? { status: 405 } : { status: 200 }),
  '/throttled': () => ({ status: 429 }),
  '/slow': () => ({ status: 200, delayMs: 1500 }),
  '/busy': () => ({ status: 200, delayMs: 60 }),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    seen.push(`${req.method} ${path}`);
    const route = ROUTES[path]?.(req.method ?? 'GET') ?? { status: 404 };
    const counted = path === '/busy';
    if (counted) maxInFlight = Math.max(maxInFlight, (inFlight += 1));
    setTimeout(() => {
      if (counted) inFlight -= 1;
      res.writeHead(route.status, route.location ? { location: route.location } : { 'content-type': 'text/html' });
      res.end(req.method === 'HEAD' ? undefined : '<html>body the checker never reads</html>');
    }, route.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  hostPort = `127.0.0.1:${address.port}`;
  base = `http://${hostPort}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const checker = (timeoutMs = 1000): LinkChecker =>
  createLinkChecker({ allowHosts: [hostPort], timeoutMs, hostPolicy: () => ({ minDelayMs: 0, jitter: 0 }) });

describe('createLinkChecker', () => {
  it('calls a 200 alive with a HEAD request only', async () => {
    seen.length = 0;
    expect(await checker().check(`${base}/ok`)).toMatchObject({
      outcome: 'OK',
      httpStatus: 200,
      errorKind: null,
      reason: null,
      finalUrl: null,
    });
    expect(seen).toEqual(['HEAD /ok']);
  });

  it.each([
    ['/missing', 404],
    ['/gone', 410],
    ['/broken', 500],
  ])('calls %s broken with its status, confirmed by GET', async (path, status) => {
    seen.length = 0;
    const probe = await checker().check(`${base}${path}`);
    expect(probe).toMatchObject({ outcome: 'BROKEN', httpStatus: status, reason: `HTTP ${status}` });
    expect(seen).toEqual([`HEAD ${path}`, `GET ${path}`]);
  });

  it('calls a TLS failure broken with the reason (a self-signed certificate)', async () => {
    // Test-only key pair, self-signed for 127.0.0.1 (valid for 100 years): no client trusts it.
    const tls = createTlsServer({ key: SELF_SIGNED_KEY, cert: SELF_SIGNED_CERT }, (_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    const address = tls.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    try {
      const probe = await createLinkChecker({
        allowHosts: [`127.0.0.1:${address.port}`],
        hostPolicy: () => ({ minDelayMs: 0 }),
      }).check(`https://127.0.0.1:${address.port}/`);
      expect(probe).toMatchObject({ outcome: 'BROKEN', httpStatus: null, errorKind: 'NETWORK' });
      expect(probe.reason).toMatch(/^TLS error (DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)/);
    } finally {
      tls.closeAllConnections();
      await new Promise((resolve) => tls.close(resolve));
    }
  });

  it('calls a host that does not resolve broken (DNS failure)', async () => {
    const probe = await checker().check('http://dead-link.invalid/page');
    expect(probe).toMatchObject({ outcome: 'BROKEN', httpStatus: null, errorKind: 'NETWORK' });
    expect(probe.reason).toMatch(/DNS lookup failed for dead-link\.invalid/);
  });

  it('follows a redirect to a 200 and records where it ended', async () => {
    expect(await checker().check(`${base}/moved`)).toMatchObject({
      outcome: 'OK',
      httpStatus: 200,
      finalUrl: `${base}/ok`,
    });
  });

  it('follows a redirect chain to a 404 and calls it broken', async () => {
    const probe = await checker().check(`${base}/chain-1`);
    expect(probe).toMatchObject({ outcome: 'BROKEN', httpStatus: 404, finalUrl: `${base}/missing` });
    expect(probe.reason).toBe(`HTTP 404 at ${base}/missing`);
  });

  it('refuses a redirect to a private address: not checked, never broken', async () => {
    seen.length = 0;
    const probe = await checker().check(`${base}/to-private`);
    expect(probe).toMatchObject({ outcome: 'NOT_CHECKED', errorKind: 'SSRF_REFUSED', httpStatus: null });
    expect(probe.reason).toMatch(/10\.0\.0\.1/);
    // Allowlisting is per host:port: the same loopback address on another port stays refused.
    expect(await checker().check(`${base}/to-loopback-elsewhere`)).toMatchObject({
      outcome: 'NOT_CHECKED',
      errorKind: 'SSRF_REFUSED',
    });
    expect(seen).toEqual(['HEAD /to-private', 'HEAD /to-loopback-elsewhere']);
  });

  it('refuses a private target outright without sending anything', async () => {
    expect(await checker().check('http://192.168.1.1/router')).toMatchObject({
      outcome: 'NOT_CHECKED',
      errorKind: 'SSRF_REFUSED',
    });
    expect(await checker().check(`http://127.0.0.1:1/`)).toMatchObject({
      outcome: 'NOT_CHECKED',
      errorKind: 'SSRF_REFUSED',
    });
  });

  it('retries a 405 on HEAD with GET and calls the 200 alive', async () => {
    seen.length = 0;
    expect(await checker().check(`${base}/no-head`)).toMatchObject({ outcome: 'OK', httpStatus: 200 });
    expect(seen).toEqual(['HEAD /no-head', 'GET /no-head']);
  });

  it('calls a link that does not answer within the timeout broken (TIMEOUT)', async () => {
    const probe = await checker(200).check(`${base}/slow`);
    expect(probe).toMatchObject({ outcome: 'BROKEN', errorKind: 'TIMEOUT', httpStatus: null });
    expect(probe.reason).toMatch(/No answer within 200 ms/);
    expect(probe.elapsedMs).toBeLessThan(1400);
  });

  it('bounds redirects: a loop is broken after the hop limit', async () => {
    expect(await checker().check(`${base}/loop`)).toMatchObject({
      outcome: 'BROKEN',
      errorKind: 'HTTP',
      reason: 'More than 5 redirects',
    });
  });

  it('treats a throttled answer (429) as no answer about the link', async () => {
    expect(await checker().check(`${base}/throttled`)).toMatchObject({
      outcome: 'NOT_CHECKED',
      errorKind: 'RATE_LIMITED',
      httpStatus: 429,
    });
  });

  it('sends one request at a time to a host, even for concurrent checks', async () => {
    maxInFlight = 0;
    const shared = checker();
    const probes = await Promise.all([1, 2, 3, 4].map(() => shared.check(`${base}/busy`)));
    expect(probes.every((p) => p.outcome === 'OK')).toBe(true);
    expect(maxInFlight).toBe(1);
  });

  it('stamps the check with the injected clock', async () => {
    const at = Date.parse('2026-11-25T00:00:00Z');
    const probe = await createLinkChecker({
      allowHosts: [hostPort],
      now: () => at,
      hostPolicy: () => ({ minDelayMs: 0 }),
    }).check(`${base}/ok`);
    expect(probe.checkedAt.toISOString()).toBe('2026-11-25T00:00:00.000Z');
  });
});

const SELF_SIGNED_KEY = `-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDpOooPqRCxTLip
zFYYLCAzBtSDuwnx6fdTqkpL7cFnK6MEorLhhv1ARFMkTQYDJv5kHn6Uh6bujdVE
RdFCq1dDbyxve9j+Jqqq76kRlJ/Jhue4lwBWcliFD7B+KMSIIAJjSr0YP8QC/qr0
upUgQ0P6sikKCNcG8zr8DbHZvB9lTXkwGKqbqoDCbiI9HhKNeaD60V740aUAgvPC
qsqUNvWH8ezoHEMjbd00xu4D0BUzYow25svS/V7ak2ph0fMaaTCch7Dr2nD/aAIC
iAEak3SvDBSFRVoKT2C5VMd29U2l87xpXrh0vtR/BgakB/Zm+R2It6abYEi8gTuR
TdlXUOrZAgMBAAECggEAHLRpvZevSEMLD0ro5by4kc8rZLMmfDGxkQiKcGHoxcvn
GnDz1zIIBVrjaLpaHRU1hhkCt0Ei2IV4VBjLsoroCJKsQ2RYxp73rmYkxtcl+2Wx
K1TaY8la/7V4oW5fEenuoU3XjB58/2lcnRZBuGDPAxHeXy/LVz2katU8qHGw44Sz
WYryrqw3jrDOWZIMp0UPXQ5KksaPEiGpGezlJgtHibAna0Wnm/55yRBkHup8SZmS
5QuQ7F36q5G2UuNFt6FFNu2adNc3yPa+pdhDE5tCQNwYtFvoyLDn51cJj9IGOtuT
EVc/NfVm3NO+irSpzwNX540IFudP5gh7AZB159G9SQKBgQD14wtKOacO7BWMOe62
0Q6yUoLxjWWpuL7ImEYxMfJRa1Q0EmvCoS71/UUD0XN33Ixb0jIpz2HaScxEpTAs
k0f/sGvTFbdxlD6OP2VzamY2Hsnyd8XJD+5c/6nHuQhB4cjOdmpHcLAKj1c40v//
x2BphnbqBIixvwEskNMeS9cXywKBgQDy0jdTw1uK4bJfOG3P2xX7GFpfa8RIMRT/
kgzG/lfCvXmRn+QUi/Rz1NwTu3OOCehkG2A12kF5ubVAH7s11jCWy6WAs96tZsPn
BDuY7Xv1oB3GYOL/WCSxc8Ar5One3Et+xeBtzcQdVj3FzeHsuzxQ5NVo3bNiAh85
ZxL2tCTLawKBgHtasdlE3whfa9fzYEyayJKxTju8QdpJcnzT17LqabRq8c1FyIXV
sud5bdwigZkKLegKpVvQTDjkePOfI3HZWW9upEk7RdJXGqLmLxEdubVA8PMRH0pl
EaHaKOSncPsMOF9LjLnWUJqbmphJUmCRN075RELWj3UMa5xd82vphDjNAoGBAIBY
PIY5rBksUmuiF+jVlDi0FpB5FbZSuxaay8YiiaCVJbyjFpsFnp/a0rhbTCi3c+31
ylSsmA8O6Y6LNxitreEGouP0Lq7YspNY2WdrnymlCBfi/hiZLkvdMqYAyNzS89R+
IrHnINGg0+XJfLD0Bl17lpFnHXmgRYDBynQ7o3chAoGBALsNEoB18yaKt5KHPnpl
4j2kiygJvSdsYuWDa8i+4y9d5Xv1p3U+aWy/WMmP07Ie3oYv0YwWCvLqhthJkNIs
F1JmzlxssxidaD/kOLk4sw0+Nl3wcMgmaX7nAHBPl6lmqGc9fN2bYUAtIItzBRPS
Jz/EcH1HZmswLL31ZslP/fVJ
-----END PRIVATE KEY-----
`;
const SELF_SIGNED_CERT = `-----BEGIN CERTIFICATE-----
MIIDCzCCAfOgAwIBAgIUcY/W1AViwu+bH1mClmdoilo7+S8wDQYJKoZIhvcNAQEL
BQAwFDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTAxMDEwMTAwMDAwMVoYDzIxMjQw
MzE3MDAwMDAxWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwggEiMA0GCSqGSIb3DQEB
AQUAA4IBDwAwggEKAoIBAQDpOooPqRCxTLipzFYYLCAzBtSDuwnx6fdTqkpL7cFn
K6MEorLhhv1ARFMkTQYDJv5kHn6Uh6bujdVERdFCq1dDbyxve9j+Jqqq76kRlJ/J
hue4lwBWcliFD7B+KMSIIAJjSr0YP8QC/qr0upUgQ0P6sikKCNcG8zr8DbHZvB9l
TXkwGKqbqoDCbiI9HhKNeaD60V740aUAgvPCqsqUNvWH8ezoHEMjbd00xu4D0BUz
Yow25svS/V7ak2ph0fMaaTCch7Dr2nD/aAICiAEak3SvDBSFRVoKT2C5VMd29U2l
87xpXrh0vtR/BgakB/Zm+R2It6abYEi8gTuRTdlXUOrZAgMBAAGjUzBRMB0GA1Ud
DgQWBBQBGzu9T40HobTUwRDKOXcIgc37EzAfBgNVHSMEGDAWgBQBGzu9T40HobTU
wRDKOXcIgc37EzAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQC4
KFCMZVqcYmq5GhgG7m/hvlxHoo1RCi5ydrKPKUxQYIRYnINKxTA+ciuADMAy/AF2
fYBlnmuV6U/hcwEffqJ1SzG65qmxAUZx9xDX0dDY5G8c3Lz0ghirj3Pjc3L0opSz
qEyAkRGDeuJ8t/W6O+bq9cgJKZskp94RR8/ud85CQYErm3O67oxRkUU29FFWlk1j
dCpvgv1Zkn+IKydpPcf8pbX1XAJTCNA93kOm2ivDMvG9Q1o0tufleYK1RLRyrc7B
Y6eqpl1S1X7/raqlPj9Pn+zjXImAzXRcCkpQV8dFcLqM1aiM9hU6e2erbQgYyEH8
rU+bplrCEmWZOW2zh56i
-----END CERTIFICATE-----
`;
