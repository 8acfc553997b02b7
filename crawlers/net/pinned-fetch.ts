import { isIP } from 'node:net';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import type { AddressGuard } from './address-guard';
import type { UpstreamProxy } from './proxy-config';
import { openTunnel } from './proxy-tunnel';

export type PinnedFetchOptions = {
  connectTimeoutMs?: number;
  /** The egress identity's forward proxy: connections are tunnelled through it (HTTP CONNECT to the checked IP). */
  proxy?: UpstreamProxy;
  /** Extra trusted CA certificates (tests with a local TLS server); default: Node's bundled roots. */
  ca?: string | string[];
};

/**
 * A fetch whose every TCP connection goes to the address the guard just resolved and checked. Node's own fetch
 * resolves the name again when it connects, so a DNS server answering "public" to the guard and "127.0.0.1" to
 * the connection (DNS rebinding) would get through; here the name is resolved exactly once per connection.
 * With a proxy, the same checked address is the CONNECT target and TLS runs end to end over the tunnel, verified
 * against the original host name.
 */
export function createPinnedFetch(guard: AddressGuard, options: PinnedFetchOptions = {}): typeof fetch {
  const timeout = options.connectTimeoutMs ?? 10_000;
  const base = buildConnector({ timeout, ...(options.ca ? { ca: options.ca } : {}) });
  const { proxy } = options;
  const connect: buildConnector.connector = (target, callback) => {
    const hostname = target.hostname.replace(/^\[|\]$/g, '');
    const url = new URL(`${target.protocol}//${target.host ?? hostname}`);
    if (target.port) url.port = target.port;
    const servername = target.servername ?? (isIP(hostname) ? undefined : hostname);
    guard.resolve(url).then(
      (pinned) => {
        const pinnedTarget = { ...target, hostname: pinned.address, servername };
        if (!proxy) return base(pinnedTarget, callback);
        const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
        openTunnel(proxy, { address: pinned.address, port }, timeout).then(
          (socket) =>
            target.protocol === 'https:'
              ? base({ ...pinnedTarget, httpSocket: socket }, callback)
              : callback(null, socket),
          (error: Error) => callback(error, null),
        );
      },
      (error: Error) => callback(error, null),
    );
  };
  const dispatcher = new Agent({ connect });
  const pinned = (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    });
  return pinned as unknown as typeof fetch;
}
