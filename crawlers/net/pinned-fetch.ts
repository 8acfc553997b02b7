import { isIP } from 'node:net';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import type { AddressGuard } from './address-guard';

/**
 * A fetch whose every TCP connection goes to the address the guard just resolved and checked. Node's own fetch
 * resolves the name again when it connects, so a DNS server answering "public" to the guard and "127.0.0.1" to
 * the connection (DNS rebinding) would get through; here the name is resolved exactly once per connection.
 */
export function createPinnedFetch(guard: AddressGuard, options: { connectTimeoutMs?: number } = {}): typeof fetch {
  const base = buildConnector({ timeout: options.connectTimeoutMs ?? 10_000 });
  const connect: buildConnector.connector = (target, callback) => {
    const hostname = target.hostname.replace(/^\[|\]$/g, '');
    const url = new URL(`${target.protocol}//${target.host ?? hostname}`);
    if (target.port) url.port = target.port;
    guard.resolve(url).then(
      (pinned) =>
        base(
          {
            ...target,
            hostname: pinned.address,
            servername: target.servername ?? (isIP(hostname) ? undefined : hostname),
          },
          callback,
        ),
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
