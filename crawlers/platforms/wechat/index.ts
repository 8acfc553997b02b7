import type { PostInput, SnapshotInput } from '@/lib/schemas/snapshot';
import { CrawlError, isCrawlError } from '../../errors';
import { guardCrawl } from '../../outcome';
import { ParseIssues } from '../../tolerant';
import type { CrawlContext, Crawler, CrawlTarget } from '../../types';
import { crawlFeedSource, feedUrl, parseFeedConfig } from '../rss';
import { parseWechatConfig, planRoute, type MpCredential, type OfficialCredential, type WechatConfig } from './config';
import { createMpClient, readMpList, resolveAccount } from './mp';
import type { ArticlePage } from './article';
import { createOfficialClient, createTokenCache, officialPosts, type TokenCache } from './official';
import { readOfficialComments, targetFromLinkOrPage } from './official-comments';
import { fetchArticlePage, readArticles } from './pages';
import { toProfile } from './profile';

// WeChat official accounts (docs/platform-formats.md §2). Post ids: the MP lists' `aid` ({appmsgid}_{itemidx}, also what an
// article page's mid/idx and we-mp-rss's <id> give); the official API has no aid, so there `{article_id}_{n}`.
// One account keeps one route, so its ids stay stable.

export function createWechatCrawler(tokens: TokenCache = createTokenCache()): Crawler {
  return {
    platform: 'WECHAT',
    crawl: (target, ctx) => guardCrawl(target, ctx, () => crawlWechat(target, ctx, tokens)),
  };
}

/** The production crawler; its token cache lives as long as the worker process. */
export const wechatCrawler: Crawler = createWechatCrawler();

async function crawlWechat(target: CrawlTarget, ctx: CrawlContext, tokens: TokenCache): Promise<SnapshotInput> {
  const config = parseWechatConfig(target.crawlConfig);
  const plan = planRoute(target, config);
  if (plan.route === 'official') return crawlOfficial(target, ctx, config, plan.credential, tokens);
  if (plan.route === 'mp') return crawlMp(target, ctx, config, plan.credential);
  return crawlRss(target, ctx, config);
}

/** The MP and RSS routes read no 留言 (D5 stays COMMENTS_NOT_READ); the official API adds `comments` when it read them all. */
const WECHAT_FACTS: NonNullable<SnapshotInput['factsRead']> = ['posts', 'profile'];
const base = (target: CrawlTarget, ctx: CrawlContext) => ({
  accountId: target.accountId,
  platform: target.platform,
  fetchedAt: ctx.now,
  appReleases: [],
  storeListings: [],
});
const inWindow = (at: Date, target: CrawlTarget, ctx: CrawlContext) => at >= target.since && at <= ctx.now;

async function crawlMp(
  target: CrawlTarget,
  ctx: CrawlContext,
  config: WechatConfig,
  credential: MpCredential,
): Promise<SnapshotInput> {
  const options = config.wechat;
  const client = createMpClient(ctx, credential);
  const { fakeid, biz } = await resolveAccount(client, target.handle, target.displayName, options);
  const issues = new ParseIssues();
  const list = await readMpList(client, fakeid, target.since, ctx.now, options, issues);
  const listed = list.articles.map((a) => ({
    id: a.aid,
    url: a.link,
    title: a.title,
    digest: a.digest,
    publishedAt: a.publishedAt,
    deleted: a.is_deleted === true,
  }));
  const read = await readArticles(ctx, listed, options.maxArticles);
  const oldest = read.posts.reduce<Date | null>((min, p) => (!min || p.publishedAt < min ? p.publishedAt : min), null);
  return {
    ...base(target, ctx),
    outcome: { ok: true, partial: !list.complete || read.partial || issues.any },
    profile: toProfile({ biz, page: read.firstPage }),
    posts: read.posts,
    coverage: list.complete ? { from: target.since, to: ctx.now } : oldest ? { from: oldest, to: ctx.now } : null,
    deletedPostIds: read.deletedIds,
    parseIssues: issues.list,
    factsRead: WECHAT_FACTS,
  };
}

/**
 * The whole published list is read because batchget is not ordered (§2.3): only a complete list covers
 * [since, now]; a list cut by the page budget is partial and claims no coverage. 留言 are read per article of the
 * window (official-comments.ts); `comments` is declared only when the list is complete and every article answered.
 */
async function crawlOfficial(
  target: CrawlTarget,
  ctx: CrawlContext,
  config: WechatConfig,
  credential: OfficialCredential,
  tokens: TokenCache,
): Promise<SnapshotInput> {
  const client = createOfficialClient(ctx, credential, tokens);
  const list = await client.publishedItems(config.wechat.maxPages);
  const { posts, deletedIds } = officialPosts(list.items);
  const windowPosts = posts.filter((p) => inWindow(p.publishedAt, target, ctx));
  const page = memoPages(ctx);
  const issues = new ParseIssues();
  const comments = await readOfficialComments(
    client,
    windowPosts,
    (p) => targetFromLinkOrPage(p, page),
    config.wechat.commentPages,
    issues,
  );
  const flags = posts.map((p) => p.commentsEnabled).filter((f) => f !== null && f !== undefined);
  const profile = await profilePage(posts, page);
  return {
    ...base(target, ctx),
    outcome: { ok: true, partial: !list.complete || issues.any },
    profile: toProfile({ biz: null, page: profile, commentsEnabled: flags.length ? flags.some(Boolean) : null }),
    posts: windowPosts,
    coverage: list.complete ? { from: target.since, to: ctx.now } : null,
    deletedPostIds: deletedIds,
    parseIssues: issues.list,
    factsRead: list.complete && comments.read ? [...WECHAT_FACTS, 'comments'] : WECHAT_FACTS,
  };
}

type PageReader = (url: string) => Promise<ArticlePage | null>;

/** Article pages read once per crawl: the newest one gives the profile, short links give their mid/idx for 留言. */
function memoPages(ctx: CrawlContext): PageReader {
  const pages = new Map<string, Promise<ArticlePage | null>>();
  return (url) => {
    let pending = pages.get(url);
    if (!pending) {
      pending = fetchArticlePage(ctx, url).then((page) => (page?.kind === 'article' ? page : null));
      pages.set(url, pending);
    }
    return pending;
  };
}

/** The newest article's page carries the account's name, avatar, signature and IP属地; failing to read it is no failure. */
async function profilePage(posts: PostInput[], page: PageReader) {
  const newest = [...posts].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())[0];
  if (!newest?.url) return null;
  try {
    return await page(newest.url);
  } catch (error) {
    if (isCrawlError(error)) return null;
    throw error;
  }
}

const aidFromUrl = (url: string | null) => {
  const params = url ? URL.parse(url)?.searchParams : undefined;
  const mid = params?.get('mid');
  const idx = params?.get('idx');
  return mid && idx ? `${mid}_${idx}` : null;
};

/** Route F: a we-mp-rss feed (`weMpRssId`) or any feed the RSS crawler's `feed` config names, read by the feed crawler. */
async function crawlRss(target: CrawlTarget, ctx: CrawlContext, config: WechatConfig): Promise<SnapshotInput> {
  const feed = parseFeedConfig(target.crawlConfig);
  const hasFeed = config.weMpRssId || feed.url || feed.rsshubPath || /^https?:\/\//.test(target.handle);
  if (!hasFeed)
    throw new CrawlError(
      'AUTH',
      'WeChat account has no credential and no feed: set crawlConfig.route and a credential, weMpRssId or feed.url',
      { retryable: false },
    );
  const url = config.weMpRssId
    ? new URL(`${ctx.origins.weMpRss}/rss/${encodeURIComponent(config.weMpRssId)}`)
    : feedUrl(target, ctx, feed);
  return crawlFeedSource(target, ctx, {
    url,
    limit: feed.limit,
    listsAllItems: feed.listsAllItems,
    postId: (item) => item.nativeId ?? aidFromUrl(item.url) ?? item.id,
  });
}
