import { platformNames } from '@/lib/platforms';
import type { PlatformCode } from '@/lib/schemas/enums';
import type { PlatformRow } from '@/lib/schemas/platform';
import { androidCrawler } from './platforms/apps/android';
import { appStoreCrawler } from './platforms/appstore';
import { createFeedCrawler } from './platforms/rss';
import { wechatCrawler } from './platforms/wechat';
import { weiboCrawler } from './platforms/weibo';
import type { Crawler } from './types';

export type CrawlerRegistry = {
  get(platform: PlatformCode): Crawler | null;
  platforms(): PlatformCode[];
};

export function createCrawlerRegistry(crawlers: readonly Crawler[]): CrawlerRegistry {
  const byPlatform = new Map<PlatformCode, Crawler>();
  for (const crawler of crawlers) {
    if (byPlatform.has(crawler.platform)) throw new Error(`Two crawlers registered for ${crawler.platform}`);
    byPlatform.set(crawler.platform, crawler);
  }
  return { get: (platform) => byPlatform.get(platform) ?? null, platforms: () => [...byPlatform.keys()] };
}

/**
 * A platform: its crawler and the facts of its database row (kind, capabilities, order). The row's names come from
 * the client-safe platform list (lib/platforms.ts), the one place the UI, the texts and the rows read them.
 */
export type PlatformEntry = { crawler: Crawler; row: Omit<PlatformRow, 'code' | 'nameZh' | 'nameEn'> };

const NO_SOCIAL = { comments: false, repostCounts: false, followers: false };
const APP = { releases: true, rating: true, lookalikes: true };

/**
 * Every platform, one entry each. A new platform is its folder under crawlers/platforms, one entry here and one in
 * lib/platforms.ts (its names); `npm run db:reference` writes the row (docs/crawlers.md "Adding a platform").
 */
export const PLATFORMS: readonly PlatformEntry[] = [
  {
    crawler: weiboCrawler,
    row: {
      kind: 'SOCIAL',
      capabilities: { comments: true, repostCounts: true, interactionFlag: true, followers: true },
      sortOrder: 10,
    },
  },
  {
    crawler: wechatCrawler,
    row: {
      kind: 'MESSAGING',
      capabilities: { comments: true, repostCounts: false, interactionFlag: true, followers: false },
      sortOrder: 20,
    },
  },
  {
    crawler: appStoreCrawler,
    row: { kind: 'APP_STORE', capabilities: APP, sortOrder: 30 },
  },
  {
    crawler: androidCrawler,
    row: { kind: 'APP_STORE', capabilities: APP, sortOrder: 40 },
  },
  // Video and headline platforms are read through feeds (RSSHub or the account's own feed).
  {
    crawler: createFeedCrawler('DOUYIN'),
    row: { kind: 'VIDEO', capabilities: NO_SOCIAL, sortOrder: 50 },
  },
  {
    crawler: createFeedCrawler('TOUTIAO'),
    row: { kind: 'SOCIAL', capabilities: NO_SOCIAL, sortOrder: 60 },
  },
  {
    crawler: createFeedCrawler('KUAISHOU'),
    row: { kind: 'VIDEO', capabilities: NO_SOCIAL, sortOrder: 70 },
  },
  {
    crawler: createFeedCrawler('BILIBILI'),
    row: { kind: 'VIDEO', capabilities: NO_SOCIAL, sortOrder: 80 },
  },
  {
    crawler: createFeedCrawler('WECHAT_CHANNELS'),
    row: { kind: 'VIDEO', capabilities: NO_SOCIAL, sortOrder: 90 },
  },
  {
    crawler: createFeedCrawler('RSS'),
    row: {
      kind: 'FEED',
      capabilities: { comments: false, metrics: false, followers: false },
      sortOrder: 100,
    },
  },
];

/** Every production crawler; one per platform. */
export const DEFAULT_CRAWLERS: readonly Crawler[] = PLATFORMS.map((p) => p.crawler);

/** The platform rows `npm run db:reference` writes. */
export const PLATFORM_ROWS: readonly PlatformRow[] = PLATFORMS.map((p) => {
  const names = platformNames(p.crawler.platform);
  return { code: p.crawler.platform, nameZh: names['zh-CN'], nameEn: names.en, ...p.row };
});

export const defaultCrawlerRegistry = (): CrawlerRegistry => createCrawlerRegistry(DEFAULT_CRAWLERS);
