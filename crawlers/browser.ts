import { chromium, type Browser, type Route } from 'playwright-core';
import { CrawlError, isCrawlError, redactUrl } from './errors';
import type { AddressGuard } from './net/address-guard';

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
];

const SKIPPED_RESOURCES = new Set(['image', 'media', 'font']);

export function createBrowserFetcher(options: { guard: AddressGuard; executablePath?: string; timeoutMs?: number }): BrowserFetcher {
  const executablePath = options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  let launching: Promise<Browser> | null = null;
  const browser = () => (launching ??= chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS }));

  return {
    async fetchHtml(url, fetchOptions = {}) {
      const target = new URL(url);
      await options.guard.assertAllowed(target);
      const context = await (await browser()).newContext({ userAgent: fetchOptions.userAgent, javaScriptEnabled: true });
      let refusal: CrawlError | null = null;
      try {
        const page = await context.newPage();
        await page.route('**/*', async (route) => {
          refusal = (await guardRoute(route, target, options.guard, fetchOptions.headers)) ?? refusal;
        });
        const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: fetchOptions.timeoutMs ?? options.timeoutMs ?? 30_000 });
        if (refusal) throw refusal;
        return { status: response?.status() ?? 0, url: page.url(), html: await page.content() };
      } catch (error) {
        if (refusal) throw refusal;
        if (isCrawlError(error)) throw error;
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        const kind = /timeout/i.test(message) ? 'TIMEOUT' : 'NETWORK';
        throw new CrawlError(kind, `Browser fetch of ${redactUrl(url)} failed: ${message}`, { cause: error });
      } finally {
        await context.close();
      }
    },
    async close() {
      if (launching) await (await launching).close();
      launching = null;
    },
  };
}

/** Applies the address guard to every request the page makes (redirect hops and sub-resources included). */
async function guardRoute(route: Route, target: URL, guard: AddressGuard, headers?: Record<string, string>): Promise<CrawlError | null> {
  const request = route.request();
  const url = new URL(request.url());
  if (url.protocol === 'data:') return route.continue().then(() => null);
  try {
    await guard.assertAllowed(url);
  } catch (error) {
    await route.abort('blockedbyclient');
    return request.isNavigationRequest() && isCrawlError(error) ? error : null;
  }
  if (SKIPPED_RESOURCES.has(request.resourceType())) {
    await route.abort('blockedbyclient');
    return null;
  }
  const extra = url.origin === target.origin ? headers : undefined;
  await route.continue(extra ? { headers: { ...request.headers(), ...extra } } : undefined);
  return null;
}
