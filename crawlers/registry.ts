import type { PlatformCode } from '@/lib/schemas/enums';
import { androidCrawler } from './platforms/apps/android';
import { appStoreCrawler } from './platforms/appstore';
import { createFeedCrawler, FEED_PLATFORMS } from './platforms/rss';
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

/** Every production crawler; one entry per platform. */
export const DEFAULT_CRAWLERS: readonly Crawler[] = [weiboCrawler, wechatCrawler, appStoreCrawler, androidCrawler, ...FEED_PLATFORMS.map(createFeedCrawler)];

export const defaultCrawlerRegistry = (): CrawlerRegistry => createCrawlerRegistry(DEFAULT_CRAWLERS);
