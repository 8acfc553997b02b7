import { CrawlError, isCrawlError } from '../../errors';
import { htmlToText } from '../../text/html-text';
import type { ParseIssues } from '../../tolerant';
import type { CrawlContext } from '../../types';
import type { WeiboClient } from './client';
import { isStillTruncated, toComments, weiboLinks, type ParsedPost } from './parse';
import { parseRenderData } from './render-data';

const MAX_DELETION_CHECKS = 20;
const STOP_KINDS = new Set(['RATE_LIMITED', 'LOGIN_WALL', 'CIRCUIT_OPEN', 'BLOCKED', 'SSRF_REFUSED']);
const isStop = (error: unknown) => isCrawlError(error) && STOP_KINDS.has(error.kind);

type EnrichConfig = { commentPages: number; maxCommentedPosts: number };

/**
 * Fills long texts and comments in place. Failures here keep the post list (and coverage) intact and
 * mark the snapshot partial; a rate limit or login wall stops further extra requests.
 */
export async function enrichPosts(
  client: WeiboClient,
  ctx: CrawlContext,
  posts: ParsedPost[],
  uid: string,
  config: EnrichConfig,
  issues: ParseIssues,
) {
  let partial = false;
  let stopped = false;
  const attempt = async (work: () => Promise<void>): Promise<boolean> => {
    if (stopped) return !(partial = true);
    try {
      await work();
      return true;
    } catch (error) {
      partial = true;
      if (isStop(error)) stopped = true;
      else if (!isCrawlError(error)) throw error;
      return false;
    }
  };
  for (const post of posts.filter((p) => p.isLongTextTruncated)) {
    await attempt(async () => {
      const html = await fullText(client, ctx, post.platformPostId);
      post.text = htmlToText(html);
      post.links = weiboLinks(html);
      post.isLongTextTruncated = false;
    });
  }
  const withComments = posts.filter((p) => (p.commentsCount ?? 0) > 0);
  const commented = withComments.slice(0, config.maxCommentedPosts);
  // Comments count as read only when every item that has some was asked for them and every answer came back.
  let commentsRead = config.commentPages > 0 && commented.length === withComments.length;
  for (const post of config.commentPages > 0 ? commented : []) {
    const read = await attempt(async () => {
      post.comments = await readComments(client, post.platformPostId, uid, ctx.now, config.commentPages, issues);
      // A public comment the public can read proves the item takes comments (docs/crawlers.md "Weibo comment
      // permission"); none proves nothing: no field is confirmed to say "closed", so the flag stays unknown.
      if (post.comments.some((c) => !c.isOwnReply)) post.commentsEnabled = true;
    });
    if (!read) commentsRead = false;
  }
  return { partial, commentsRead };
}

async function fullText(client: WeiboClient, ctx: CrawlContext, mid: string): Promise<string> {
  try {
    return await client.longText(mid);
  } catch (error) {
    if (isStop(error) || !isCrawlError(error)) throw error;
    const page = ctx.browser
      ? (await ctx.browser.fetchHtml(client.detailUrl(mid))).html
      : (await ctx.http.fetchText({ url: client.detailUrl(mid), scope: 'WEIBO', signal: ctx.signal })).text;
    const status = parseRenderData(page);
    // The page keeps isLongText: true on whole texts; only the 全文 link says it is still cut.
    if (isStillTruncated(status))
      throw new CrawlError('PARSE', `Weibo detail page for ${mid} is still truncated`, { retryable: false });
    return status.longText?.longTextContent ?? status.text;
  }
}

async function readComments(
  client: WeiboClient,
  mid: string,
  uid: string,
  now: Date,
  pages: number,
  issues: ParseIssues,
) {
  const comments = [];
  let maxId = 0;
  for (let page = 0; page < pages; page += 1) {
    const data = await client.hotflow(mid, maxId);
    comments.push(...toComments(data.data, uid, now, issues));
    maxId = data.max_id;
    if (!maxId) break;
  }
  const seen = new Set<string>();
  return comments.filter((c) => !seen.has(c.platformCommentId) && seen.add(c.platformCommentId));
}

/** Previously stored posts missing from a fully covered window are confirmed one by one with /statuses/show. */
export async function findDeletedPosts(client: WeiboClient, knownIds: readonly string[], posts: ParsedPost[]) {
  const seen = new Set(posts.map((p) => p.platformPostId));
  const missing = knownIds.filter((id) => !seen.has(id)).slice(0, MAX_DELETION_CHECKS);
  const ids: string[] = [];
  let partial = missing.length < knownIds.filter((id) => !seen.has(id)).length;
  for (const id of missing) {
    try {
      await client.show(id);
    } catch (error) {
      if (isCrawlError(error) && error.kind === 'DELETED') ids.push(id);
      else if (isCrawlError(error)) partial = true;
      else throw error;
      if (isStop(error)) break;
    }
  }
  return { ids, partial };
}
