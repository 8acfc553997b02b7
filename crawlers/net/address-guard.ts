import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { CrawlError } from '../errors';

// Ranges a crawler must never reach: loopback, private, link-local, CGNAT, multicast, ULA,
// documentation/benchmark nets and IPv6 forms that embed or translate IPv4 (RFC 6890 registries).
const V4_BLOCKED: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const V6_BLOCKED: [string, number][] = [
  ['::', 128],
  ['::1', 128],
  ['::', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
];

// Separate lists: a BlockList holding an IPv4-mapped IPv6 rule would also match every plain IPv4 check.
const blockList = (rules: [string, number][], family: 'ipv4' | 'ipv6') => {
  const list = new BlockList();
  for (const [net, prefix] of rules) list.addSubnet(net, prefix, family);
  return list;
};
const BLOCKED_V4 = blockList(V4_BLOCKED, 'ipv4');
const BLOCKED_V6 = blockList(V6_BLOCKED, 'ipv6');

/** True when the literal IP address is in a range crawlers must not reach. Non-IPs count as forbidden. */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED_V4.check(address, 'ipv4');
  if (family !== 6) return true;
  if (address.includes('%')) return true;
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  return canonical.startsWith('::ffff:') || BLOCKED_V6.check(canonical, 'ipv6');
}

export type LookupAll = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemLookup: LookupAll = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export type PinnedAddress = { address: string; family: number };

export type AddressGuard = {
  assertAllowed(url: URL): Promise<void>;
  /**
   * Resolves the host once, checks every address, and returns the one to connect to. Connecting to exactly this
   * address (never re-resolving the name) is what defeats DNS rebinding between the check and the connection.
   */
  resolve(url: URL): Promise<PinnedAddress>;
  isAllowlisted(url: URL): boolean;
};

export type AddressGuardOptions = {
  /** `host` or `host:port` entries exempt from the address check (CRAWLER_ALLOW_HOSTS). */
  allowHosts?: readonly string[];
  lookup?: LookupAll;
};

const bareHost = (hostname: string) => hostname.replace(/^\[|\]$/g, '').toLowerCase();
const effectivePort = (url: URL) => url.port || (url.protocol === 'https:' ? '443' : '80');

export function parseAllowHosts(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
}

export function isHostAllowlisted(url: URL, allowHosts: readonly string[]): boolean {
  const host = bareHost(url.hostname);
  const withPort = `${host}:${effectivePort(url)}`;
  return allowHosts.some((entry) => {
    const normalized = entry.replace(/^\[([^\]]+)\]/, '$1');
    return normalized === host || normalized === withPort;
  });
}

/**
 * Resolves every address of the host and refuses the request if any of them is internal. Callers that open
 * connections use `resolve` and connect to the returned address (crawlers/net/pinned-fetch.ts, egress-proxy.ts);
 * the allowlist is the only way to reach internal hosts deliberately.
 */
export function createAddressGuard(options: AddressGuardOptions = {}): AddressGuard {
  const allowHosts = options.allowHosts ?? [];
  const lookup = options.lookup ?? systemLookup;
  const guard: AddressGuard = {
    isAllowlisted: (url) => isHostAllowlisted(url, allowHosts),
    async resolve(url) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new CrawlError('SSRF_REFUSED', `Refused non-HTTP URL scheme ${url.protocol}`, { retryable: false });
      }
      const host = bareHost(url.hostname);
      const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(lookup, host);
      if (isHostAllowlisted(url, allowHosts) && addresses[0]) return addresses[0];
      const bad = addresses.find((entry) => isForbiddenAddress(entry.address));
      if (addresses.length === 0 || bad) {
        throw new CrawlError(
          'SSRF_REFUSED',
          `Refused ${host}: resolves to a non-public address ${bad?.address ?? '(none)'}`,
          { retryable: false },
        );
      }
      return addresses[0];
    },
    async assertAllowed(url) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') await guard.resolve(url);
      if (isHostAllowlisted(url, allowHosts)) return;
      await guard.resolve(url);
    },
  };
  return guard;
}

async function resolve(lookup: LookupAll, host: string) {
  try {
    return await lookup(host);
  } catch (error) {
    throw new CrawlError('NETWORK', `DNS lookup failed for ${host}`, { cause: error });
  }
}
