import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { PostInput } from '@/lib/schemas/snapshot';
import { parseJsonBody, type HttpTextResponse } from '../../http';
import { extractHrefs, htmlToText } from '../../text/html-text';
import type { CrawlContext } from '../../types';
import type { OfficialCredential } from './config';
import { batchgetSchema, officialErrorSchema, tokenSchema, type BatchgetItem } from './schemas';
import { canonicalLink } from './pages';
import { officialError, TOKEN_REJECTED_CODES } from './status';

// Route A (platform-formats §2.3): access_token from AppID/AppSecret, then POST freepublish/batchget.

const PAGE_SIZE = 20;
/** Tokens are renewed this long before WeChat's `expires_in` runs out. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

export type TokenCache = Map<string, { token: string; expiresAt: number }>;
export const createTokenCache = (): TokenCache => new Map();

/** The secret only enters the key as a hash, so a rotated secret gets a new token and the map holds no secret. */
const cacheKey = (origin: string, credential: OfficialCredential) =>
  `${origin}|${credential.appId}|${createHash('sha256').update(credential.appSecret).digest('hex').slice(0, 16)}`;

/** Parses an official API answer: `{errcode≠0}` becomes a typed error, anything else must match `schema`. */
function officialBody<S extends z.ZodType>(response: HttpTextResponse, schema: S, phase: 'token' | 'data'): z.output<S> {
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
    const query = new URLSearchParams({ grant_type: 'client_credential', appid: credential.appId, secret: credential.appSecret });
    const response = await ctx.http.fetchText({ url: `${origin}/cgi-bin/token?${query}`, scope: 'WECHAT', signal: ctx.signal });
    const issued = officialBody(response, tokenSchema, 'token');
    cache.set(key, { token: issued.access_token, expiresAt: ctx.now.getTime() + issued.expires_in * 1000 - EXPIRY_MARGIN_MS });
    return issued.access_token;
  }

  /** One data call; a rejected/expired token is refreshed once, a second rejection is an AUTH failure. */
  async function post<S extends z.ZodType>(path: string, body: object, schema: S): Promise<z.output<S>> {
    for (let attempt = 0; ; attempt += 1) {
      const accessToken = await token(attempt > 0);
      const response = await ctx.http.fetchText({
        url: `${origin}${path}?access_token=${encodeURIComponent(accessToken)}`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        scope: 'WECHAT',
        signal: ctx.signal,
      });
      try {
        return officialBody(response, schema, 'data');
      } catch (error) {
        const errcode = officialErrorSchema.safeParse(safeJson(response.text));
        const rejected = errcode.success && TOKEN_REJECTED_CODES.has(errcode.data.errcode);
        if (rejected && attempt === 0) continue;
        throw error;
      }
    }
  }

  return {
    /** Reads `freepublish/batchget` pages; the list is not ordered (§2.3), so completeness needs the whole list. */
    async publishedItems(maxPages: number): Promise<{ items: BatchgetItem[]; complete: boolean }> {
      const items: BatchgetItem[] = [];
      for (let page = 0; page < maxPages; page += 1) {
        const data = await post('/cgi-bin/freepublish/batchget', { offset: page * PAGE_SIZE, count: PAGE_SIZE, no_content: 0 }, batchgetSchema);
        items.push(...data.item);
        if (data.item.length === 0 || items.length >= data.total_count) return { items, complete: true };
      }
      return { items, complete: false };
    },
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
        platformPostId: id, url: canonicalLink(news.url), title: news.title || null, text: htmlToText(news.content) || news.digest,
        // batchget has no creation time (§2.3); update_time is the publish time unless the article was edited.
        publishedAt: new Date(item.update_time * 1000),
        isPinned: false, isRepost: false, links, comments: [],
        commentsEnabled: news.need_open_comment === undefined ? null : news.need_open_comment === 1,
      });
    });
  }
  return { posts, deletedIds };
}
