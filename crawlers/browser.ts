import { chromium, type Browser, type Route } from 'playwright-core';
import { CrawlError, isCrawlError, redactUrl } from './errors';
import type { AddressGuard } from './net/address-guard';
import { EGRESS_REFUSED_HEADER, startEgressProxy, type EgressProxy } from './net/egress-proxy';
import type { UpstreamProxy } from './net/proxy-config';

export type BrowserPage = { status: number; url: string; html: string };

export type BrowserFetchOptions = {
  /** Sent only on requests to the page's own origin (cookies must not leak to third parties). */
  headers?: Record<string, string>;
  timeoutMs?: number;
  userAgent?: string;
};

/** Fallback for pages that need a real browser (Weibo `/detail/{mid}` `$render_data`, visitor cookie walls). */
export type BrowserFetcher = {
  fetchHtml(url: string, options?: BrowserFetchOptions): Promise<BrowserPage>;
  close(): Promise<void>;
};

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  // WebRTC would otherwise send UDP around the proxy (and reveal local addresses).
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
];

const SKIPPED_RESOURCES = new Set(['image', 'media', 'font']);

type Running = { browser: Browser; proxy: EgressProxy };

/**
 * Every connection the browser opens goes through the in-process egress proxy (crawlers/net/egress-proxy.ts):
 * redirect hops, sub-resources, loopback included (`<-loopback>`), each checked by the address guard and pinned
 * to the checked address. WebSockets are closed in the page and refused by the proxy. With `upstream` (the egress
 * identity's proxy) that local proxy chains every checked connection through it, so the page leaves by the identity.
 */
export function createBrowserFetcher(options: {
  guard: AddressGuard;
  executablePath?: string;
  timeoutMs?: number;
  upstream?: UpstreamProxy;
}): BrowserFetcher {
  const executablePath = options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  let launching: Promise<Running> | null = null;
  const start = async (): Promise<Running> => {
    const proxy = await startEgressProxy({ guard: options.guard, upstream: options.upstream });
    try {
      // No credentials at launch: anything outside a context (there should be nothing) gets 407 from the proxy.
      const browser = await chromium.launch({
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
        proxy: { server: proxy.server, bypass: '<-loopback>' },
      });
      return { browser, proxy };
    } catch (error) {
      await proxy.close();
      throw error;
    }
  };
  const running = () =>
    (launching ??= start().catch((error: unknown) => {
      launching = null;
      throw error;
    }));

  return {
    async fetchHtml(url, fetchOptions = {}) {
      const target = new URL(url);
      await options.guard.assertAllowed(target);
      const { browser, proxy } = await running();
      const token = proxy.issueToken();
      const context = await browser.newContext({
        userAgent: fetchOptions.userAgent,
        javaScriptEnabled: true,
        proxy: { server: proxy.server, bypass: '<-loopback>', ...token },
      });
      // A guard refusal first; otherwise what the local proxy met (a dead identity proxy: NETWORK).
      const refusal = () => {
        const met = proxy.refusals(token.username);
        return met.find((error) => error.kind === 'SSRF_REFUSED') ?? met[0] ?? null;
      };
      try {
        await context.routeWebSocket(/.*/, (ws) => ws.close({ code: 1008, reason: 'WebSockets are not crawled' }));
        const page = await context.newPage();
        await page.route('**/*', (route) => shapeRequest(route, target, fetchOptions.headers));
        const response = await page.goto(url, {
          waitUntil: 'domcontentloaded',
          timeout: fetchOptions.timeoutMs ?? options.timeoutMs ?? 30_000,
        });
        if (response && (await response.headerValue(EGRESS_REFUSED_HEADER))) {
          throw (
            refusal() ??
            new CrawlError('SSRF_REFUSED', `Egress proxy refused a hop of ${redactUrl(url)}`, { retryable: false })
          );
        }
        return { status: response?.status() ?? 0, url: page.url(), html: await page.content() };
      } catch (error) {
        if (isCrawlError(error)) throw error;
        const refused = refusal();
        if (refused) throw refused;
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        const kind = /timeout/i.test(message) ? 'TIMEOUT' : 'NETWORK';
        throw new CrawlError(kind, `Browser fetch of ${redactUrl(url)} failed: ${message}`, { cause: error });
      } finally {
        await context.close();
        proxy.revokeToken(token.username);
      }
    },
    async close() {
      if (!launching) return;
      const { browser, proxy } = await launching;
      launching = null;
      await browser.close();
      await proxy.close();
    },
  };
}

/** Drops heavy resources and sends the caller's headers (cookies) only to the page's own origin. */
async function shapeRequest(route: Route, target: URL, headers?: Record<string, string>): Promise<void> {
  const request = route.request();
  if (SKIPPED_RESOURCES.has(request.resourceType())) return route.abort('blockedbyclient');
  const url = new URL(request.url());
  const extra = url.origin === target.origin ? headers : undefined;
  await route.continue(extra ? { headers: { ...request.headers(), ...extra } } : undefined);
}
