// Which address a request comes from, trusting exactly TRUSTED_PROXY_HOPS reverse proxies (docs/security.md).
// Plain JavaScript: scripts/serve.mjs uses it before Next.js starts; unit-tested in tests/unit/security.

/** Headers a client could forge to pass for another address or for HTTPS; only trusted proxies may set them. */
export const FORWARDING_HEADERS = [
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-real-ip',
  'forwarded',
];

/** TRUSTED_PROXY_HOPS as an integer 0–10; anything else is a configuration error. */
export function parseTrustedHops(value) {
  if (value === undefined || value === '') return 0;
  if (!/^\d{1,2}$/.test(value) || Number(value) > 10)
    throw new Error(`TRUSTED_PROXY_HOPS must be an integer 0–10, got "${value}"`);
  return Number(value);
}

const stripMapped = (ip) => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip) ? ip.slice(7) : ip);

/**
 * The client address: with 0 hops the socket peer (X-Forwarded-For is whatever the client typed); with n hops the
 * n-th address from the right of X-Forwarded-For + peer, since each trusted proxy appends the address it saw and
 * everything further left may be forged. Null when the proxies did not forward enough addresses.
 * @param {{ peer: string | undefined, forwardedFor: string | string[] | undefined, hops: number }} input
 * @returns {string | null}
 */
export function clientAddress({ peer, forwardedFor, hops }) {
  if (!peer) return null;
  if (hops === 0) return stripMapped(peer);
  const listed = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...listed, peer];
  const ip = chain[chain.length - 1 - hops];
  return ip && /^[0-9a-fA-F.:]{2,45}$/.test(ip) ? stripMapped(ip) : null;
}

/**
 * Rewrites a Node request's headers in place before Next.js sees them: any client-sent `x-xunjian-client-ip*` is
 * removed; with 0 hops every forwarding header goes (Next refills scheme, host and port from the connection); the
 * decided address is set under `ipHeader` and as the only X-Forwarded-For.
 * @param {Record<string, string | string[] | undefined>} headers
 * @param {{ peer: string | undefined, hops: number, ipHeader: string }} options
 * @returns {string | null} the decided address
 */
export function applyClientAddress(headers, { peer, hops, ipHeader }) {
  const ip = clientAddress({ peer, forwardedFor: headers['x-forwarded-for'], hops });
  for (const name of Object.keys(headers)) if (name.startsWith('x-xunjian-client-ip')) delete headers[name];
  if (hops === 0) for (const name of FORWARDING_HEADERS) delete headers[name];
  if (ip) {
    headers[ipHeader] = ip;
    headers['x-forwarded-for'] = ip;
  } else {
    delete headers['x-forwarded-for'];
  }
  return ip;
}
