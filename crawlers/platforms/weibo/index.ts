import { z } from 'zod';
import type { PostInput, SnapshotInput } from '@/lib/schemas/snapshot';
import { guardCrawl } from '../../outcome';
import type { CrawlContext, Crawler, CrawlTarget } from '../../types';
import { createWeiboClient, type WeiboClient } from './client';
import { enrichPosts, findDeletedPosts } from './enrich';
import { mblogCards, toPost, toProfile, type ParsedPost } from './parse';

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
  const timeline = await readTimeline(client, container, uid, target.since, ctx.now, config.maxPages);
  const enrichment = await enrichPosts(client, ctx, timeline.posts, uid, config);
  const deleted = timeline.complete ? await findDeletedPosts(client, target.knownPostIds ?? [], timeline.posts) : { ids: [], partial: false };
  const unpinned = timeline.posts.filter((p) => !p.isPinned);
  const oldest = unpinned.reduce<Date | null>((min, p) => (!min || p.publishedAt < min ? p.publishedAt : min), null);
  return {
    accountId: target.accountId,
    platform: 'WEIBO',
    fetchedAt: ctx.now,
    outcome: { ok: true, partial: !timeline.complete || enrichment.partial || deleted.partial },
    profile: toProfile(profileData.userInfo),
    posts: timeline.posts.map(stripInternal),
    coverage: timeline.complete ? { from: target.since, to: ctx.now } : oldest ? { from: oldest, to: ctx.now } : null,
    deletedPostIds: deleted.ids,
    appReleases: [],
    storeListings: [],
  };
}

/** Pages back with since_id until a non-pinned post is older than `since`, the list ends, or the page budget runs out. */
async function readTimeline(client: WeiboClient, container: string, uid: string, since: Date, now: Date, maxPages: number) {
  const posts = new Map<string, ParsedPost>();
  let sinceId: string | null = null;
  for (let page = 0; page < maxPages; page += 1) {
    const { cards, nextSinceId } = await client.timelinePage(container, sinceId);
    const parsed = mblogCards(cards).map((card) => toPost(card, uid, now));
    let reachedSince = parsed.length === 0 || !nextSinceId;
    for (const post of parsed) {
      if (!post.isPinned && post.publishedAt < since) reachedSince = true;
      else if (post.isPinned || post.publishedAt <= now) posts.set(post.platformPostId, post);
    }
    if (reachedSince) return { posts: [...posts.values()], complete: true };
    sinceId = nextSinceId;
  }
  return { posts: [...posts.values()], complete: false };
}

function stripInternal(post: ParsedPost): PostInput {
  const { isLongTextTruncated: _dropped, ...rest } = post;
  return rest;
}
