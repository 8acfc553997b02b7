import { describe, expect, it } from 'vitest';
import {
  createAddressGuard,
  isForbiddenAddress,
  isHostAllowlisted,
  parseAllowHosts,
} from '@/crawlers/net/address-guard';

describe('isForbiddenAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.254',
    '0.0.0.0',
    '224.0.0.1',
    '239.255.255.250',
    '255.255.255.255',
    '198.18.0.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:8.8.8.8',
    '64:ff9b::a00:1',
    '2001:db8::1',
    '2002:7f00:1::1',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '180.149.134.141',
    '2400:3200::1',
    '2606:4700:4700::1111',
  ])('allows public %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });
});

describe('allowlist', () => {
  it('parses comma-separated entries and matches host or host:port', () => {
    const allow = parseAllowHosts(' 127.0.0.1:4010 , Sandbox.Local,[::1]:8080 ,');
    expect(allow).toEqual(['127.0.0.1:4010', 'sandbox.local', '[::1]:8080']);
    expect(isHostAllowlisted(new URL('http://127.0.0.1:4010/x'), allow)).toBe(true);
    expect(isHostAllowlisted(new URL('http://127.0.0.1:4011/x'), allow)).toBe(false);
    expect(isHostAllowlisted(new URL('https://sandbox.local:9999/'), allow)).toBe(true);
    expect(isHostAllowlisted(new URL('http://[::1]:8080/'), allow)).toBe(true);
    expect(isHostAllowlisted(new URL('http://[::1]:8081/'), allow)).toBe(false);
  });
});

describe('createAddressGuard', () => {
  const lookup = async (host: string) => {
    const table: Record<string, string[]> = {
      'public.example': ['93.184.216.34'],
      'mixed.example': ['93.184.216.34', '10.0.0.5'],
      'rebind.example': ['127.0.0.1'],
    };
    return (table[host] ?? []).map((address) => ({ address, family: 4 }));
  };

  it('refuses hosts resolving to any internal address and passes public ones', async () => {
    const guard = createAddressGuard({ lookup });
    await expect(guard.assertAllowed(new URL('https://public.example/a'))).resolves.toBeUndefined();
    await expect(guard.assertAllowed(new URL('https://mixed.example/a'))).rejects.toMatchObject({
      kind: 'SSRF_REFUSED',
      retryable: false,
    });
    await expect(guard.assertAllowed(new URL('https://rebind.example/a'))).rejects.toMatchObject({
      kind: 'SSRF_REFUSED',
    });
    await expect(guard.assertAllowed(new URL('http://127.0.0.1:4010/'))).rejects.toMatchObject({
      kind: 'SSRF_REFUSED',
    });
    await expect(guard.assertAllowed(new URL('http://[::ffff:7f00:1]/'))).rejects.toMatchObject({
      kind: 'SSRF_REFUSED',
    });
    await expect(guard.assertAllowed(new URL('file:///etc/passwd'))).rejects.toMatchObject({ kind: 'SSRF_REFUSED' });
    await expect(guard.assertAllowed(new URL('https://nxdomain.example/'))).rejects.toMatchObject({
      kind: 'SSRF_REFUSED',
    });
  });

  it('lets allowlisted host:port through without resolving', async () => {
    const guard = createAddressGuard({ lookup, allowHosts: ['127.0.0.1:4010', 'rebind.example'] });
    await expect(guard.assertAllowed(new URL('http://127.0.0.1:4010/'))).resolves.toBeUndefined();
    await expect(guard.assertAllowed(new URL('http://127.0.0.1:4011/'))).rejects.toMatchObject({
      kind: 'SSRF_REFUSED',
    });
    await expect(guard.assertAllowed(new URL('https://rebind.example/'))).resolves.toBeUndefined();
  });
});
