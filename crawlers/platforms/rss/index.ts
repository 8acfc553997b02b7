import { z } from 'zod';
import type { PlatformCode } from '@/lib/schemas/enums';
import type { SnapshotInput } from '@/lib/schemas/snapshot';
import { CrawlError } from '../../errors';
import { guardCrawl } from '../../outcome';
import type { CrawlContext, Crawler, CrawlTarget } from '../../types';
import { parseFeed, toFeedPost, type FeedItem } from './parse';

// RSSHub routes per platform (docs/platform-formats.md §4.1); the account handle fills the route parameter.
const RSSHUB_ROUTES: Partial<Record<PlatformCode, (handle: string) => string>> = {
  DOUYIN: (h) => `/douyin/user/${h}`,
  TOUTIAO: (h) => `/toutiao/user/token/${h}`,
  WEIBO: (h) => `/weibo/user/${h}`,
};

const configSchema = z.looseObject({
  feed: z
    .looseObject({
      url: z.url({ protocol: /^https?$/ }).optional(),
      rsshubPath: z.string().startsWith('/').optional(),
      limit: z.number().int().min(1).max(200).default(50),
      /** The bridge lists every item of the account (not just a first page), so a short feed proves "nothing else". */
      listsAllItems: z.boolean().default(false),
    })
    .default({ limit: 50, listsAllItems: false }),
});

export function feedUrl(target: CrawlTarget, ctx: CrawlContext, config: FeedConfig): URL {
  const route = RSSHUB_ROUTES[target.platform];
  const raw =
    config.url ??
    (config.rsshubPath
      ? `${ctx.origins.rsshub}${config.rsshubPath}`
      : /^https?:\/\//.test(target.handle)
        ? target.handle
        : route
          ? `${ctx.origins.rsshub}${route(encodeURIComponent(target.handle))}`
          : null);
  if (!raw)
    throw new CrawlError('INTERNAL', `No feed URL configured for ${target.platform} account ${target.handle}`, {
      retryable: false,
    });
  const url = new URL(raw);
  if (url.pathname.startsWith('/') && raw.startsWith(ctx.origins.rsshub))
    url.searchParams.set('limit', String(config.limit));
  return url;
}

export type FeedConfig = z.output<typeof configSchema>['feed'];

export const parseFeedConfig = (raw: unknown): FeedConfig => configSchema.parse(raw ?? {}).feed;

/** A feed URL plus how to read it; `postId` lets a platform prefer its own id over the RSS guid. */
export type FeedSource = { url: URL; limit: number; listsAllItems: boolean; postId?: (item: FeedItem) => string };

/**
 * Coverage rule: a feed only shows its newest items, so it covers [oldest item, now] (clipped to `since`).
 * Only when the bridge lists all items and returned fewer than `limit` does it cover the whole [since, now].
 * An empty feed proves nothing (RSSHub errors or empties are not "no posts"), so coverage stays null.
 */
export async function crawlFeedSource(
  target: CrawlTarget,
  ctx: CrawlContext,
  source: FeedSource,
): Promise<SnapshotInput> {
  const response = await ctx.http.fetchText({
    url: source.url.toString(),
    scope: target.platform,
    signal: ctx.signal,
    headers: {
      accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5',
    },
  });
  const items = parseFeed(response.text).map((i) => (source.postId ? { ...i, id: source.postId(i) } : i));
  const posts = items.filter((i) => i.id && i.publishedAt >= target.since && i.publishedAt <= ctx.now).map(toFeedPost);
  const oldest = items.reduce<Date | null>((min, i) => (!min || i.publishedAt < min ? i.publishedAt : min), null);
  const isComplete = source.listsAllItems && items.length < source.limit;
  const from = isComplete ? target.since : oldest && oldest > target.since ? oldest : target.since;
  return {
    accountId: target.accountId,
    platform: target.platform,
    fetchedAt: ctx.now,
    outcome: { ok: true, partial: false },
    profile: null,
    posts,
    coverage: items.length === 0 && !isComplete ? null : { from, to: ctx.now },
    deletedPostIds: [],
    appReleases: [],
    storeListings: [],
    // A feed carries items only: no comments, no profile.
    factsRead: ['posts'],
  };
}

/**
 * The platform's own item id inside an item link. RSSHub's guid format changes between versions and bridges
 * (URL, "douyin-123", …); the native id stays, so a post keeps one identity whichever bridge served it.
 */
const NATIVE_ID: Partial<Record<PlatformCode, RegExp>> = {
  DOUYIN: /douyin\.com\/(?:video|note)\/(\d+)/,
  TOUTIAO: /toutiao\.com\/(?:article|group|w|a)\/?(\d+)/,
  BILIBILI: /bilibili\.com\/video\/(BV\w+|av\d+)/,
  KUAISHOU: /kuaishou\.com\/short-video\/([\w-]+)/,
};

export function nativePostId(platform: PlatformCode, item: Pick<FeedItem, 'id' | 'url'>): string {
  const pattern = NATIVE_ID[platform];
  return (pattern && (pattern.exec(item.url ?? '')?.[1] ?? pattern.exec(item.id)?.[1])) || item.id;
}

async function crawlFeed(target: CrawlTarget, ctx: CrawlContext): Promise<SnapshotInput> {
  const config = parseFeedConfig(target.crawlConfig);
  return crawlFeedSource(target, ctx, {
    url: feedUrl(target, ctx, config),
    limit: config.limit,
    listsAllItems: config.listsAllItems,
    postId: (item) => nativePostId(target.platform, item),
  });
}

export function createFeedCrawler(platform: PlatformCode): Crawler {
  return { platform, crawl: (target, ctx) => guardCrawl(target, ctx, () => crawlFeed(target, ctx)) };
}
