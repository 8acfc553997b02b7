import { existsSync } from 'node:fs';
import type { PlatformCode } from '@/lib/schemas/enums';
import { createCrawlContext } from './context';
import { defaultCrawlerRegistry, type CrawlerRegistry } from './registry';
import type { CrawlContext, CrawlerLookup } from './types';

export type CrawlRuntime = {
  crawlers: CrawlerLookup<CrawlContext>;
  context: (now: Date, signal?: AbortSignal) => CrawlContext;
  close: () => Promise<void>;
};

/** One HTTP client per process (breakers and politeness span accounts); each job gets its own `now` and abort signal. */
export function createCrawlRuntime({
  env = process.env,
  registry = defaultCrawlerRegistry(),
}: { env?: Record<string, string | undefined>; registry?: CrawlerRegistry } = {}): CrawlRuntime {
  // Chromium launches lazily, on the first page that needs it (Weibo detail pages when the JSON API fails).
  const withBrowser = env.CRAWLER_BROWSER !== 'off' && existsSync(env.CHROMIUM_PATH || '/usr/bin/chromium');
  const base = createCrawlContext({ now: new Date(), env, withBrowser });
  return {
    crawlers: (platform: PlatformCode) => registry.get(platform),
    context: (now, signal) => ({ ...base, now, signal }),
    close: async () => base.browser?.close(),
  };
}
