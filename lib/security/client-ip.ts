/**
 * The client address decided by scripts/serve.mjs (socket + TRUSTED_PROXY_HOPS), or null: under `next dev` or a
 * plain `next start` no header is trusted, since any of them could be typed by the client. The header's name is
 * random per process (XUNJIAN_CLIENT_IP_HEADER), so a client cannot send it.
 */
export function trustedClientIp(headers: Headers): string | null {
  const name = process.env.XUNJIAN_CLIENT_IP_HEADER;
  if (!name) return null;
  const value = headers.get(name)?.trim();
  return value && value.length <= 45 ? value : null;
}

/** Header names better-auth may read the client address from (none it could be fooled by). */
export function clientIpHeaders(): string[] {
  const name = process.env.XUNJIAN_CLIENT_IP_HEADER;
  return name ? [name] : ['x-xunjian-no-trusted-client-ip'];
}
