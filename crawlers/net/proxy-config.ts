// CRAWL_EGRESS_PROXIES: the forward proxy (HTTP CONNECT) each egress identity leaves through (docs/deployment.md
// "Crawl plan: egress identities and budgets"). Proxy URLs carry credentials: no message built here quotes them.
import { z } from 'zod';

export type UpstreamProxy = {
  /** The egress identity (CRAWL_EGRESSES id) this proxy serves. */
  readonly identity: string;
  readonly host: string;
  readonly port: number;
  /** `host:port` without credentials, safe for logs and errors. */
  readonly label: string;
  /**
   * The `Proxy-Authorization` value, or null. A function so that logging or serialising the object (JSON,
   * util.inspect) never prints the secret.
   */
  readonly authorization: () => string | null;
};

const IDENTITY = /^[A-Za-z0-9._-]{1,64}$/;
const FORMAT = 'an entry is identity=http://[user:password@]host:port (percent-encode "," "@" ":" in credentials)';

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

const entrySchema = z
  .string()
  .trim()
  .transform((entry, ctx): UpstreamProxy => {
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    const eq = entry.indexOf('=');
    const identity = eq > 0 ? entry.slice(0, eq) : '';
    if (!IDENTITY.test(identity)) return fail(FORMAT);
    if (identity === 'direct') return fail('identity "direct" always connects directly; it takes no proxy');
    let url: URL;
    try {
      url = new URL(entry.slice(eq + 1));
    } catch {
      return fail(`the proxy of ${identity} is not a URL; ${FORMAT}`);
    }
    if (url.protocol !== 'http:') return fail(`the proxy of ${identity} must be an http:// proxy (HTTP CONNECT)`);
    if (url.pathname !== '/' || url.search || url.hash) return fail(`the proxy of ${identity} takes no path or query`);
    const username = decode(url.username);
    const password = decode(url.password);
    if (username === null || password === null) return fail(`the credentials of ${identity} are badly percent-encoded`);
    const header = username || password ? `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` : null;
    const port = Number(url.port || 80);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    return { identity, host, port, label: `${url.hostname}:${port}`, authorization: () => header };
  });

export const egressProxiesSchema = z
  .string()
  .transform((s) => s.split(',').filter((part) => part.trim() !== ''))
  .pipe(z.array(entrySchema))
  .refine((list) => new Set(list.map((p) => p.identity)).size === list.length, 'an identity has at most one proxy')
  .transform((list) => new Map(list.map((proxy) => [proxy.identity, proxy])));

export type EgressProxies = ReadonlyMap<string, UpstreamProxy>;
