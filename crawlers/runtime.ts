import { existsSync } from 'node:fs';
import type { PlatformCode } from '@/lib/schemas/enums';
import { createCrawlContext, parseCrawlEnv } from './context';
import { defaultCrawlerRegistry, type CrawlerRegistry } from './registry';
import type { CrawlContext, CrawlerLookup } from './types';

export type CrawlRuntime = {
  crawlers: CrawlerLookup<CrawlContext>;
  /** `egress`: the job's identity (`data.egress`); one with a proxy in CRAWL_EGRESS_PROXIES leaves through it. */
  context: (now: Date, signal?: AbortSignal, egress?: string) => CrawlContext;
  close: () => Promise<void>;
  /** Identities with a proxy (names only: the URLs carry credentials), for the worker's start line. */
  proxiedEgresses: readonly string[];
};

/**
 * One HTTP client per process and egress identity (breakers and politeness span accounts; the plan's politeness is
 * per identity); each job gets its own `now` and abort signal. Jobs without an identity, identity `direct` and
 * identities without a proxy share the direct client. Clients of proxied identities are created on first use.
 */
export function createCrawlRuntime({
  env = process.env,
  registry = defaultCrawlerRegistry(),
}: { env?: Record<string, string | undefined>; registry?: CrawlerRegistry } = {}): CrawlRuntime {
  // Chromium launches lazily, on the first page that needs it (Weibo detail pages when the JSON API fails).
  const withBrowser = env.CRAWLER_BROWSER !== 'off' && existsSync(env.CHROMIUM_PATH || '/usr/bin/chromium');
  const proxies = parseCrawlEnv(env).CRAWL_EGRESS_PROXIES;
  const direct = createCrawlContext({ now: new Date(), env, withBrowser });
  const proxied = new Map<string, CrawlContext>();
  const baseFor = (egress: string | undefined): CrawlContext => {
    const proxy = egress === undefined ? undefined : proxies.get(egress);
    if (!proxy) return direct;
    let base = proxied.get(proxy.identity);
    if (!base) {
      base = createCrawlContext({ now: new Date(), env, withBrowser, egress: proxy.identity });
      proxied.set(proxy.identity, base);
    }
    return base;
  };
  return {
    crawlers: (platform: PlatformCode) => registry.get(platform),
    context: (now, signal, egress) => ({ ...baseFor(egress), now, signal }),
    proxiedEgresses: [...proxies.keys()],
    close: async () => {
      await Promise.all([direct, ...proxied.values()].map((base) => base.browser?.close()));
    },
  };
}
