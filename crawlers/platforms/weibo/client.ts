import type { z } from 'zod';
import { CrawlError } from '../../errors';
import { parseJsonBody } from '../../http';
import type { CrawlContext } from '../../types';
import { classifyEnvelope } from './parse';
import {
  envelopeSchema,
  extendDataSchema,
  hotflowDataSchema,
  mblogSchema,
  profileDataSchema,
  timelineDataSchema,
  type WeiboMblog,
} from './schemas';

// m.weibo.cn JSON calls with the headers the PWA sends (docs/platform-formats.md §1.1).
const USER_AGENT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

const loginRedirect = (location: URL) =>
  /passport\.weibo\./.test(`${location.hostname}${location.pathname}`)
    ? new CrawlError('LOGIN_WALL', 'Weibo redirected to the passport login page; renew the cookie', {
        retryable: false,
      })
    : null;

export type WeiboClient = ReturnType<typeof createWeiboClient>;
export type TimelineCursor = { sinceId: string | null; page: number };

export function createWeiboClient(ctx: CrawlContext, uid: string, cookie: string | null) {
  const origin = ctx.origins.weiboM;

  async function call<S extends z.ZodType>(
    path: string,
    schema: S,
    context: 'account' | 'post',
    referer = `https://m.weibo.cn/u/${uid}`,
  ): Promise<z.output<S>> {
    const headers: Record<string, string> = {
      'MWeibo-Pwa': '1',
      'X-Requested-With': 'XMLHttpRequest',
      'User-Agent': USER_AGENT,
      Referer: referer,
    };
    if (cookie) headers.Cookie = cookie;
    const response = await ctx.http.fetchText({
      url: `${origin}${path}`,
      headers,
      scope: 'WEIBO',
      signal: ctx.signal,
      classifyRedirect: loginRedirect,
    });
    const envelope = parseJsonBody(response, envelopeSchema);
    if (envelope.ok !== 1) throw classifyEnvelope(envelope, context);
    return parseJsonBody({ ...response, text: JSON.stringify(envelope.data ?? null) }, schema);
  }

  return {
    /** Profile; a "no content" answer is confirmed with the 100505 container before it counts (§1.7). */
    async profile() {
      try {
        return await call(`/api/container/getIndex?type=uid&value=${uid}`, profileDataSchema, 'account');
      } catch (error) {
        if (!(error instanceof CrawlError) || error.kind !== 'NOT_FOUND') throw error;
        return call(`/api/container/getIndex?containerid=100505${uid}`, profileDataSchema, 'account');
      }
    },

    /**
     * One timeline page. The current API pages by `since_id`; the older one (2019 captures) answers `page: N` (the
     * next page) and no `since_id`, and is paged by `page`. `next` is null only when the answer names no next page.
     */
    async timelinePage(
      containerId: string,
      cursor: TimelineCursor,
    ): Promise<{ cards: unknown[]; next: TimelineCursor | null }> {
      const at = cursor.sinceId ? `&since_id=${cursor.sinceId}` : cursor.page > 1 ? `&page=${cursor.page}` : '';
      try {
        const data = await call(
          `/api/container/getIndex?type=uid&value=${uid}&containerid=${containerId}${at}`,
          timelineDataSchema,
          'account',
        );
        const sinceId = data.cardlistInfo?.since_id;
        if (sinceId && String(sinceId) !== '0')
          return { cards: data.cards, next: { sinceId: String(sinceId), page: cursor.page + 1 } };
        const page = data.cardlistInfo?.page;
        if (typeof page === 'number' && page > 0)
          return { cards: data.cards, next: { sinceId: null, page: page > cursor.page ? page : cursor.page + 1 } };
        return { cards: data.cards, next: null };
      } catch (error) {
        if (error instanceof CrawlError && error.kind === 'NOT_FOUND') return { cards: [], next: null };
        throw error;
      }
    },

    async longText(mid: string): Promise<string> {
      return (await call(`/statuses/extend?id=${mid}`, extendDataSchema, 'post', `https://m.weibo.cn/detail/${mid}`))
        .longTextContent;
    },

    /** Single post; throws DELETED when Weibo says it no longer exists. */
    async show(id: string): Promise<WeiboMblog> {
      return call(`/statuses/show?id=${id}`, mblogSchema, 'post', `https://m.weibo.cn/detail/${id}`);
    },

    /**
     * One comments page. `ok: 0` with an empty msg is not "no comments" (docs/platform-formats.md, corrections from real
     * captures): it is only asked for posts whose comments_count > 0, so it stays an error, the post's comments are
     * "not read" and the snapshot is partial.
     */
    async hotflow(mid: string, maxId: number) {
      const path = `/comments/hotflow?id=${mid}&mid=${mid}&max_id_type=0${maxId ? `&max_id=${maxId}` : ''}`;
      return call(path, hotflowDataSchema, 'post', `https://m.weibo.cn/detail/${mid}`);
    },

    detailUrl: (mid: string) => `${origin}/detail/${mid}`,
  };
}
