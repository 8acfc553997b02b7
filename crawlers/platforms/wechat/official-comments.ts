import type { CommentInput, PostInput } from '@/lib/schemas/snapshot';
import { isCrawlError } from '../../errors';
import type { ParseIssues } from '../../tolerant';
import type { OfficialClient } from './official';
import { officialCommentSchema } from './schemas';

// 留言 of an owned account through the comment management API (docs/platform-formats.md §2.3, route A).
//
// comment/list needs the article's `msg_data_id` and `index`. No API lists them (§2.3); they are the article's
// appmsgid and item position — the `mid` and `idx` of its permanent link (`/s?__biz=…&mid=2247…&idx=1`), the
// `{mid}_{idx}` its page states (`var mid`, `var idx`) and the MP lists' `aid` [I: the mass-send answer's
// msg_data_id is "the first half of datacube's msgid", and that msgid is `{appmsgid}_{idx}`]. An article whose
// link has no mid (a short `/s/{22 chars}` link) is looked up on its page.

/** `count` ≥ 50 is rejected (§2.3). */
export const COMMENT_PAGE_SIZE = 49;
const ENDPOINT = 'wechat:comment/list';
const STOP_KINDS = new Set(['RATE_LIMITED', 'AUTH', 'LOGIN_WALL', 'CIRCUIT_OPEN', 'BLOCKED', 'SSRF_REFUSED']);

export type CommentTarget = { msgDataId: number; index: number };
export type CommentClient = Pick<OfficialClient, 'commentPage'>;

/** `{mid}_{idx}` (idx from 1) → the API's msg_data_id and 0-based index; null when it is not that form. */
export function commentTargetOfAid(aid: string | null | undefined): CommentTarget | null {
  const match = /^(\d{1,10})_(\d{1,2})$/.exec(aid ?? '');
  if (!match) return null;
  const msgDataId = Number(match[1]);
  const idx = Number(match[2]);
  return msgDataId > 0 && msgDataId <= 0xffffffff && idx >= 1 ? { msgDataId, index: idx - 1 } : null;
}

/** The target from a permanent article link's `mid`/`idx` (also `appmsgid`/`itemidx`); null for short links. */
export function commentTargetOfUrl(url: string | null | undefined): CommentTarget | null {
  const params = url ? URL.parse(url)?.searchParams : undefined;
  const mid = params?.get('mid') ?? params?.get('appmsgid');
  const idx = params?.get('idx') ?? params?.get('itemidx');
  return mid && idx ? commentTargetOfAid(`${mid}_${idx}`) : null;
}

/** Public 留言 and the account's answer to each (a reply comment, isOwnReply, pointing at the 留言). */
export function toOfficialComments(
  raw: readonly unknown[],
  issues: ParseIssues,
): { comments: CommentInput[]; skipped: number } {
  const comments: CommentInput[] = [];
  let skipped = 0;
  for (const item of raw) {
    const key = typeof item === 'object' && item !== null ? (item as Record<string, unknown>).user_comment_id : null;
    const c = issues.parse(officialCommentSchema, item, {
      endpoint: ENDPOINT,
      itemKey: typeof key === 'number' || typeof key === 'string' ? String(key) : null,
    });
    if (!c) {
      skipped += 1;
      continue;
    }
    comments.push({
      platformCommentId: c.user_comment_id,
      authorPlatformId: c.openid ?? null,
      authorName: null,
      isOwnReply: false,
      replyToPlatformCommentId: null,
      text: c.content,
      publishedAt: new Date(c.create_time * 1000),
      likesCount: null,
    });
    if (c.reply) {
      comments.push({
        platformCommentId: `${c.user_comment_id}-reply`,
        authorPlatformId: null,
        authorName: null,
        isOwnReply: true,
        replyToPlatformCommentId: c.user_comment_id,
        text: c.reply.content,
        publishedAt: new Date(c.reply.create_time * 1000),
        likesCount: null,
      });
    }
  }
  return { comments, skipped };
}

export type ArticleComments =
  { state: 'read'; comments: CommentInput[] } | { state: 'closed' } | { state: 'incomplete'; comments: CommentInput[] };

/**
 * Pages one article's 留言 by begin/count until `total` is reached or a page comes back short. 88000 means 留言
 * is not open there: answered, nothing to read. A skipped item or a page budget that ran out is `incomplete`.
 */
export async function readArticleComments(
  client: CommentClient,
  target: CommentTarget,
  maxPages: number,
  issues: ParseIssues,
): Promise<ArticleComments> {
  const comments: CommentInput[] = [];
  let skipped = 0;
  let begin = 0;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await client.commentPage({
      msg_data_id: target.msgDataId,
      index: target.index,
      begin,
      count: COMMENT_PAGE_SIZE,
      type: 0,
    });
    if (!answer.ok) return { state: 'closed' };
    const read = toOfficialComments(answer.data.comment, issues);
    comments.push(...read.comments);
    skipped += read.skipped;
    begin += answer.data.comment.length;
    const total = answer.data.total;
    const ended = answer.data.comment.length < COMMENT_PAGE_SIZE || (total != null && begin >= total);
    if (ended) return skipped > 0 ? { state: 'incomplete', comments } : { state: 'read', comments };
  }
  return { state: 'incomplete', comments };
}

/**
 * Asks comment/list for every post of the window and fills `comments` (and `commentsEnabled: false` on 88000) in
 * place. `read` is true only when every post was asked and answered in full; a failure leaves the post without
 * comments and `read` false (D5 stays COMMENTS_NOT_READ), never "no comments"; the post list and its coverage
 * stand. A quota, auth or block stops asking; a skipped 留言 is a parse issue (the crawl is partial).
 */
export async function readOfficialComments(
  client: CommentClient,
  posts: PostInput[],
  targetOf: (post: PostInput) => Promise<CommentTarget | null>,
  maxPages: number,
  issues: ParseIssues,
): Promise<{ read: boolean }> {
  if (maxPages === 0) return { read: false };
  let read = true;
  for (const post of posts) {
    const target = await targetOf(post);
    if (!target) {
      read = false;
      continue;
    }
    try {
      const result = await readArticleComments(client, target, maxPages, issues);
      if (result.state === 'closed') post.commentsEnabled = false;
      else post.comments = result.comments;
      if (result.state === 'incomplete') read = false;
    } catch (error) {
      if (!isCrawlError(error)) throw error;
      read = false;
      if (STOP_KINDS.has(error.kind)) return { read: false };
    }
  }
  return { read };
}

/** The target of a post: its link, else the `aid` its article page states; null when neither says. */
export async function targetFromLinkOrPage(
  post: PostInput,
  page: (url: string) => Promise<{ aid: string | null } | null>,
): Promise<CommentTarget | null> {
  const fromUrl = commentTargetOfUrl(post.url);
  if (fromUrl || !post.url) return fromUrl;
  try {
    return commentTargetOfAid((await page(post.url))?.aid);
  } catch (error) {
    if (isCrawlError(error)) return null;
    throw error;
  }
}
