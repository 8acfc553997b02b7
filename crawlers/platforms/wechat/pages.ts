import type { PostInput } from '@/lib/schemas/snapshot';
import { isCrawlError } from '../../errors';
import type { CrawlContext } from '../../types';
import { parseArticlePage, type ArticlePage } from './article';
import { captchaRedirect, GONE_STATES, stateError } from './status';

// Article pages (§2.4) fetched for the body text, and to tell deleted / removed articles apart.

const STOP_KINDS = new Set(['RATE_LIMITED', 'LOGIN_WALL', 'CIRCUIT_OPEN', 'BLOCKED', 'SSRF_REFUSED']);
const MP_HOSTS = new Set(['mp.weixin.qq.com']);

/** An article known from a list, before its page is read. */
export type ListedArticleRef = {
  id: string;
  url: string;
  title: string;
  digest: string;
  publishedAt: Date;
  deleted: boolean;
};

export type ArticleResults = {
  posts: PostInput[];
  deletedIds: string[];
  partial: boolean;
  firstPage: ArticlePage | null;
};

/** The article URL as the configured origin serves it (tests and the sandbox replace mp.weixin.qq.com). */
export function articleFetchUrl(link: string, origin: string): string | null {
  try {
    const url = new URL(link);
    if (!MP_HOSTS.has(url.hostname)) return null;
    return `${origin}${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}

/** The public link without the `#rd`/`#wechat_redirect` fragment, upgraded to https. */
export const canonicalLink = (link: string) =>
  link.replace(/#.*$/, '').replace(/^http:\/\/mp\.weixin\.qq\.com\//, 'https://mp.weixin.qq.com/');

export async function fetchArticlePage(
  ctx: CrawlContext,
  link: string,
): Promise<ReturnType<typeof parseArticlePage> | null> {
  const url = articleFetchUrl(link, ctx.origins.wechatMp);
  if (!url) return null;
  const response = await ctx.http.fetchText({
    url,
    scope: 'WECHAT',
    signal: ctx.signal,
    classifyRedirect: captchaRedirect,
  });
  return parseArticlePage(response.text, canonicalLink(link));
}

const fromList = (a: ListedArticleRef): PostInput => ({
  platformPostId: a.id,
  url: canonicalLink(a.url),
  title: a.title || null,
  text: a.digest,
  publishedAt: a.publishedAt,
  isPinned: false,
  isRepost: false,
  links: [],
  comments: [],
  commentsEnabled: null,
  readsCount: null,
});

function fromPage(a: ListedArticleRef, page: ArticlePage): PostInput {
  return {
    ...fromList(a),
    title: page.title ?? (a.title || null),
    text: page.text,
    links: page.sourceUrl && !page.links.includes(page.sourceUrl) ? [...page.links, page.sourceUrl] : page.links,
  };
}

type PageOutcome = { post: PostInput; page: ArticlePage } | { deleted: true } | { fallback: true; stop: boolean };

async function readOne(ctx: CrawlContext, article: ListedArticleRef): Promise<PageOutcome> {
  let page: Awaited<ReturnType<typeof fetchArticlePage>>;
  try {
    page = await fetchArticlePage(ctx, article.url);
  } catch (error) {
    if (!isCrawlError(error)) throw error;
    if (error.kind === 'DELETED') return { deleted: true };
    return { fallback: true, stop: STOP_KINDS.has(error.kind) };
  }
  if (page?.kind === 'article') return { post: fromPage(article, page), page };
  if (page?.kind !== 'status') return { fallback: true, stop: false };
  if (GONE_STATES.has(page.state)) return { deleted: true };
  const error = stateError(page.state, canonicalLink(article.url));
  if (error && page.state.startsWith('ACCOUNT_')) throw error;
  return { fallback: true, stop: error !== null };
}

/**
 * Reads up to `maxArticles` pages. A deleted or violation-removed article is a deletion signal: its id goes to
 * `deletedIds` and it is not returned as a post (a digest would overwrite the stored body as a false edit).
 * A page that cannot be read keeps the list's digest and marks the result partial; a rate limit, captcha or
 * login wall stops further pages; an account-level status page (blocked, closed, migrated) fails the crawl.
 */
export async function readArticles(
  ctx: CrawlContext,
  listed: ListedArticleRef[],
  maxArticles: number,
): Promise<ArticleResults> {
  const result: ArticleResults = { posts: [], deletedIds: [], partial: false, firstPage: null };
  let stopped = false;
  for (const [index, article] of listed.entries()) {
    const outcome: PageOutcome = article.deleted
      ? { deleted: true }
      : stopped || index >= maxArticles
        ? { fallback: true, stop: stopped }
        : await readOne(ctx, article);
    if ('deleted' in outcome) {
      result.deletedIds.push(article.id);
    } else if ('post' in outcome) {
      result.firstPage ??= outcome.page;
      result.posts.push(outcome.post);
    } else {
      stopped ||= outcome.stop;
      result.partial = true;
      result.posts.push(fromList(article));
    }
  }
  return result;
}
