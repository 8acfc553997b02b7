import { z } from 'zod';
import type { PostInput, SnapshotInput } from '@/lib/schemas/snapshot';
import { guardCrawl } from '../../outcome';
import { ParseIssues } from '../../tolerant';
import type { CrawlContext, Crawler, CrawlTarget } from '../../types';
import { createWeiboClient, type TimelineCursor, type WeiboClient } from './client';
import { enrichPosts, findDeletedPosts } from './enrich';
import { cardPosts, mblogCards, toProfile, type ParsedPost } from './parse';

const configSchema = z.looseObject({
  weibo: z
    .looseObject({
      uid: z.string().regex(/^\d+$/).optional(),
      maxPages: z.number().int().min(1).max(100).default(30),
      commentPages: z.number().int().min(0).max(20).default(1),
      maxCommentedPosts: z.number().int().min(0).default(30),
    })
    .default({ maxPages: 30, commentPages: 1, maxCommentedPosts: 30 }),
});
export type WeiboCrawlConfig = z.output<typeof configSchema>['weibo'];

const credentialSchema = z.looseObject({ cookie: z.string().min(1) });

export const weiboCrawler: Crawler = {
  platform: 'WEIBO',
  crawl: (target, ctx) => guardCrawl(target, ctx, () => crawlWeibo(target, ctx)),
};

async function crawlWeibo(target: CrawlTarget, ctx: CrawlContext): Promise<SnapshotInput> {
  const config = configSchema.parse(target.crawlConfig ?? {}).weibo;
  const uid = config.uid ?? target.handle;
  const credential = credentialSchema.safeParse(target.credential);
  const client = createWeiboClient(ctx, uid, credential.success ? credential.data.cookie : null);
  const profileData = await client.profile();
  const container = profileData.tabsInfo?.tabs.find((t) => t.tab_type === 'weibo')?.containerid ?? `107603${uid}`;
  const issues = new ParseIssues();
  const timeline = await readTimeline(client, container, uid, target.since, ctx.now, config.maxPages, issues);
  const enrichment = await enrichPosts(client, ctx, timeline.posts, uid, config, issues);
  const deleted = timeline.complete
    ? await findDeletedPosts(client, target.knownPostIds ?? [], timeline.posts)
    : { ids: [], partial: false };
  const unpinned = timeline.posts.filter((p) => !p.isPinned);
  const oldest = unpinned.reduce<Date | null>((min, p) => (!min || p.publishedAt < min ? p.publishedAt : min), null);
  return {
    accountId: target.accountId,
    platform: 'WEIBO',
    fetchedAt: ctx.now,
    // A dropped card or comment makes the crawl partial: it must not read as a complete window (deletions, V2).
    outcome: { ok: true, partial: !timeline.complete || enrichment.partial || deleted.partial || issues.any },
    profile: toProfile(profileData.userInfo),
    posts: timeline.posts.map(stripInternal),
    coverage: timeline.complete ? { from: target.since, to: ctx.now } : oldest ? { from: oldest, to: ctx.now } : null,
    deletedPostIds: deleted.ids,
    appReleases: [],
    storeListings: [],
    parseIssues: issues.list,
    factsRead: ['profile', 'posts', ...(enrichment.commentsRead ? (['comments'] as const) : [])],
  };
}

/**
 * Pages back (since_id, or page numbers on the older API) until a non-pinned post is older than `since`, the list
 * ends, or the page budget runs out. A page whose cards all failed to parse is no end of the list.
 */
async function readTimeline(
  client: WeiboClient,
  container: string,
  uid: string,
  since: Date,
  now: Date,
  maxPages: number,
  issues: ParseIssues,
) {
  const posts = new Map<string, ParsedPost>();
  let cursor: TimelineCursor = { sinceId: null, page: 1 };
  for (let page = 0; page < maxPages; page += 1) {
    const { cards, next } = await client.timelinePage(container, cursor);
    const parsed = cardPosts(mblogCards(cards, issues), uid, now, issues);
    let reachedSince = cards.length === 0 || !next;
    for (const post of parsed) {
      if (!post.isPinned && post.publishedAt < since) reachedSince = true;
      else if (post.isPinned || post.publishedAt <= now) posts.set(post.platformPostId, post);
    }
    if (reachedSince || !next) return { posts: [...posts.values()], complete: true };
    cursor = next;
  }
  return { posts: [...posts.values()], complete: false };
}

function stripInternal(post: ParsedPost): PostInput {
  const { isLongTextTruncated: _dropped, ...rest } = post;
  return rest;
}
