import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { PostInput } from '@/lib/schemas/snapshot';
import { parseJsonBody, type HttpTextResponse } from '../../http';
import { extractHrefs, htmlToText } from '../../text/html-text';
import type { CrawlContext } from '../../types';
import type { OfficialCredential } from './config';
import { batchgetSchema, commentListSchema, officialErrorSchema, tokenSchema, type BatchgetItem } from './schemas';
import { canonicalLink } from './pages';
import { officialError, TOKEN_REJECTED_CODES } from './status';

// Route A (docs/platform-formats.md §2.3): access_token from AppID/AppSecret, then POST freepublish/batchget.

const PAGE_SIZE = 20;
/** Tokens are renewed this long before WeChat's `expires_in` runs out. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

export type TokenCache = Map<string, { token: string; expiresAt: number }>;
export type OfficialClient = ReturnType<typeof createOfficialClient>;

/** An answer of a data call: the parsed body, or one of the errcodes the caller treats as an answer. */
export type OfficialAnswer<T> = { ok: true; data: T } | { ok: false; errcode: number; errmsg: string | null };
const NO_CODES: ReadonlySet<number> = new Set();

/** comment/list: 88000 `without comment privilege` — 留言 is not open on the article (or the account has no 留言). */
export const COMMENTS_NOT_OPEN_CODE = 88000;
const COMMENT_ANSWER_CODES: ReadonlySet<number> = new Set([COMMENTS_NOT_OPEN_CODE]);
/** `type` 0 = normal and elected 留言 (§2.3). */
export type CommentListBody = { msg_data_id: number; index: number; begin: number; count: number; type: 0 | 1 | 2 };
export const createTokenCache = (): TokenCache => new Map();

/** The secret only enters the key as a hash, so a rotated secret gets a new token and the map holds no secret. */
const cacheKey = (origin: string, credential: OfficialCredential) =>
  `${origin}|${credential.appId}|${createHash('sha256').update(credential.appSecret).digest('hex').slice(0, 16)}`;

/** Parses an official API answer: `{errcode≠0}` becomes a typed error, anything else must match `schema`. */
function officialBody<S extends z.ZodType>(
  response: HttpTextResponse,
  schema: S,
  phase: 'token' | 'data',
): z.output<S> {
  const error = officialErrorSchema.safeParse(safeJson(response.text));
  if (error.success && error.data.errcode !== 0) throw officialError(error.data.errcode, error.data.errmsg, phase);
  return parseJsonBody(response, schema);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function createOfficialClient(ctx: CrawlContext, credential: OfficialCredential, cache: TokenCache) {
  const origin = ctx.origins.wechatApi;
  const key = cacheKey(origin, credential);

  async function token(forceRefresh: boolean): Promise<string> {
    const cached = cache.get(key);
    if (!forceRefresh && cached && cached.expiresAt > ctx.now.getTime()) return cached.token;
    cache.delete(key);
    const query = new URLSearchParams({
      grant_type: 'client_credential',
      appid: credential.appId,
      secret: credential.appSecret,
    });
    const response = await ctx.http.fetchText({
      url: `${origin}/cgi-bin/token?${query}`,
      scope: 'WECHAT',
      signal: ctx.signal,
    });
    const issued = officialBody(response, tokenSchema, 'token');
    cache.set(key, {
      token: issued.access_token,
      expiresAt: ctx.now.getTime() + issued.expires_in * 1000 - EXPIRY_MARGIN_MS,
    });
    return issued.access_token;
  }

  /**
   * One data call (a JSON body is POSTed, none is a GET); a rejected/expired token is refreshed once, a second
   * rejection is an AUTH failure. An errcode in `answered` is an answer of the call (88000 on comment/list), not a failure.
   */
  async function answer<S extends z.ZodType>(
    path: string,
    body: object | null,
    schema: S,
    answered: ReadonlySet<number>,
  ): Promise<OfficialAnswer<z.output<S>>> {
    for (let attempt = 0; ; attempt += 1) {
      const accessToken = await token(attempt > 0);
      const response = await ctx.http.fetchText({
        url: `${origin}${path}?access_token=${encodeURIComponent(accessToken)}`,
        ...(body
          ? { method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
          : { method: 'GET' as const }),
        scope: 'WECHAT',
        signal: ctx.signal,
      });
      const errcode = officialErrorSchema.safeParse(safeJson(response.text));
      if (errcode.success && answered.has(errcode.data.errcode))
        return { ok: false, errcode: errcode.data.errcode, errmsg: errcode.data.errmsg ?? null };
      try {
        return { ok: true, data: officialBody(response, schema, 'data') };
      } catch (error) {
        const rejected = errcode.success && TOKEN_REJECTED_CODES.has(errcode.data.errcode);
        if (rejected && attempt === 0) continue;
        throw error;
      }
    }
  }

  async function call<S extends z.ZodType>(path: string, body: object | null, schema: S): Promise<z.output<S>> {
    const result = await answer(path, body, schema, NO_CODES);
    if (!result.ok) throw new Error(`unreachable: errcode ${result.errcode} passed without being allowed`);
    return result.data;
  }

  return {
    /** Reads `freepublish/batchget` pages; the list is not ordered (§2.3), so completeness needs the whole list. */
    async publishedItems(maxPages: number): Promise<{ items: BatchgetItem[]; complete: boolean }> {
      const items: BatchgetItem[] = [];
      for (let page = 0; page < maxPages; page += 1) {
        const data = await call(
          '/cgi-bin/freepublish/batchget',
          { offset: page * PAGE_SIZE, count: PAGE_SIZE, no_content: 0 },
          batchgetSchema,
        );
        items.push(...data.item);
        if (data.item.length === 0 || items.length >= data.total_count) return { items, complete: true };
      }
      return { items, complete: false };
    },
    /** A read-only GET of another endpoint with the same token handling (the menu: crawlers/links/wechat-menu.ts). */
    get: <S extends z.ZodType>(path: string, schema: S) => call(path, null, schema),
    /** One `comment/list` page (§2.3); 88000 (留言 not opened / no 留言 privilege) is an answer, not a failure. */
    commentPage: (body: CommentListBody) =>
      answer('/cgi-bin/comment/list', body, commentListSchema, COMMENT_ANSWER_CODES),
  };
}

/** Posts of batchget items; `{article_id}_{n}` per news item, deleted ones as ids only. */
export function officialPosts(items: BatchgetItem[]) {
  const posts: PostInput[] = [];
  const deletedIds: string[] = [];
  for (const item of items) {
    item.content.news_item.forEach((news, index) => {
      const id = `${item.article_id}_${index + 1}`;
      if (news.is_deleted) return void deletedIds.push(id);
      const links = extractHrefs(news.content, news.url);
      if (news.content_source_url && !links.includes(news.content_source_url)) links.push(news.content_source_url);
      posts.push({
        platformPostId: id,
        url: canonicalLink(news.url),
        title: news.title || null,
        text: htmlToText(news.content) || news.digest,
        // batchget has no creation time (§2.3); update_time is the publish time unless the article was edited.
        publishedAt: new Date(item.update_time * 1000),
        isPinned: false,
        isRepost: false,
        links,
        comments: [],
        commentsEnabled: news.need_open_comment === undefined ? null : news.need_open_comment === 1,
      });
    });
  }
  return { posts, deletedIds };
}
