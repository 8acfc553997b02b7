import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module used by scripts/serve.mjs before Next.js starts (no type declarations)
import { applyClientAddress, clientAddress, parseTrustedHops } from '../../../scripts/client-ip.mjs';
import {
  signInDelayMs,
  signInWaitMs,
  FREE_SIGNIN_ATTEMPTS,
  MAX_SIGNIN_DELAY_MS,
  SIGNIN_WINDOW_MS,
} from '@/lib/auth/sign-in-guard';
import { trustedClientIp } from '@/lib/security/client-ip';

type ClientAddress = (input: {
  peer: string | undefined;
  forwardedFor: string | string[] | undefined;
  hops: number;
}) => string | null;
const address = clientAddress as ClientAddress;

describe('client address (TRUSTED_PROXY_HOPS)', () => {
  it('with no trusted proxy a forged X-Forwarded-For is ignored: the socket peer is the client', () => {
    expect(address({ peer: '203.0.113.7', forwardedFor: '127.0.0.1', hops: 0 })).toBe('203.0.113.7');
    expect(address({ peer: '::ffff:203.0.113.7', forwardedFor: undefined, hops: 0 })).toBe('203.0.113.7');
  });
  it('behind n proxies the n-th address from the right is the client; forged entries further left do not count', () => {
    // The client typed "1.2.3.4"; nginx appended the address it saw (198.51.100.9) and connected from 10.0.0.2.
    expect(address({ peer: '10.0.0.2', forwardedFor: '1.2.3.4, 198.51.100.9', hops: 1 })).toBe('198.51.100.9');
    expect(address({ peer: '10.0.0.3', forwardedFor: ['1.2.3.4, 198.51.100.9', '10.0.0.2'], hops: 2 })).toBe(
      '198.51.100.9',
    );
    expect(address({ peer: '10.0.0.2', forwardedFor: undefined, hops: 1 })).toBeNull();
    expect(address({ peer: '10.0.0.2', forwardedFor: 'not an address', hops: 1 })).toBeNull();
  });
  it('TRUSTED_PROXY_HOPS defaults to 0 and refuses anything but 0–10', () => {
    const parse = parseTrustedHops as (v: string | undefined) => number;
    expect(parse(undefined)).toBe(0);
    expect(parse('2')).toBe(2);
    for (const bad of ['-1', '1.5', '11', 'all', ' 1']) expect(() => parse(bad)).toThrow(/TRUSTED_PROXY_HOPS/);
  });
  it('the app trusts only the per-process header serve.mjs sets, none under a plain next start', () => {
    const headers = new Headers({
      'x-forwarded-for': '1.2.3.4',
      'x-xunjian-client-ip-guess': '1.2.3.4',
      'x-h': '192.0.2.1',
    });
    const saved = process.env.XUNJIAN_CLIENT_IP_HEADER;
    delete process.env.XUNJIAN_CLIENT_IP_HEADER;
    expect(trustedClientIp(headers)).toBeNull();
    process.env.XUNJIAN_CLIENT_IP_HEADER = 'x-h';
    expect(trustedClientIp(headers)).toBe('192.0.2.1');
    if (saved === undefined) delete process.env.XUNJIAN_CLIENT_IP_HEADER;
    else process.env.XUNJIAN_CLIENT_IP_HEADER = saved;
  });
});

describe('what serve.mjs hands to Next.js', () => {
  type Apply = (
    h: Record<string, string | string[] | undefined>,
    o: { peer: string | undefined; hops: number; ipHeader: string },
  ) => string | null;
  const apply = applyClientAddress as Apply;
  it('without a proxy, forged forwarding headers and a guessed client-ip header are gone; the peer is the address', () => {
    const headers: Record<string, string | string[] | undefined> = {
      host: 'app',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'https',
      'x-real-ip': '10.0.0.1',
      forwarded: 'for=10.0.0.1',
      'x-xunjian-client-ip-guess': '1.1.1.1',
    };
    expect(apply(headers, { peer: '203.0.113.7', hops: 0, ipHeader: 'x-xunjian-client-ip-secret' })).toBe(
      '203.0.113.7',
    );
    expect(headers).toEqual({
      host: 'app',
      'x-forwarded-for': '203.0.113.7',
      'x-xunjian-client-ip-secret': '203.0.113.7',
    });
  });
  it('behind one proxy, its scheme stays and the address is the one it appended', () => {
    const headers: Record<string, string | string[] | undefined> = {
      'x-forwarded-for': '6.6.6.6, 198.51.100.9',
      'x-forwarded-proto': 'https',
    };
    expect(apply(headers, { peer: '10.0.0.2', hops: 1, ipHeader: 'x-h' })).toBe('198.51.100.9');
    expect(headers).toEqual({ 'x-forwarded-for': '198.51.100.9', 'x-forwarded-proto': 'https', 'x-h': '198.51.100.9' });
  });
});

describe('progressive sign-in delays', () => {
  it('the first attempts are free, then each waits twice as long, capped', () => {
    expect(signInDelayMs(FREE_SIGNIN_ATTEMPTS - 1)).toBe(0);
    expect(signInDelayMs(FREE_SIGNIN_ATTEMPTS)).toBe(1000);
    expect(signInDelayMs(FREE_SIGNIN_ATTEMPTS + 3)).toBe(8000);
    expect(signInDelayMs(FREE_SIGNIN_ATTEMPTS + 40)).toBe(MAX_SIGNIN_DELAY_MS);
  });
  it('the wait counts from the last attempt and a quiet window starts over', () => {
    const last = 1_000_000;
    expect(signInWaitMs({ count: FREE_SIGNIN_ATTEMPTS + 2, lastMs: last }, last + 1000)).toBe(3000);
    expect(signInWaitMs({ count: FREE_SIGNIN_ATTEMPTS + 2, lastMs: last }, last + 4000)).toBe(0);
    expect(signInWaitMs({ count: 500, lastMs: last }, last + SIGNIN_WINDOW_MS)).toBe(0);
    expect(signInWaitMs(null, last)).toBe(0);
  });
});
