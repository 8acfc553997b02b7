import type { z } from 'zod';
import { CrawlError } from '../../errors';
import { parseJsonBody } from '../../http';
import type { CrawlContext } from '../../types';
import { classifyEnvelope } from './parse';
import { envelopeSchema, extendDataSchema, hotflowDataSchema, mblogSchema, profileDataSchema, timelineDataSchema, type WeiboMblog } from './schemas';

// m.weibo.cn JSON calls with the headers the PWA sends (platform-formats §1.1).
const USER_AGENT = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

const loginRedirect = (location: URL) =>
  /passport\.weibo\./.test(`${location.hostname}${location.pathname}`)
    ? new CrawlError('LOGIN_WALL', 'Weibo redirected to the passport login page; renew the cookie', { retryable: false })
    : null;

export type WeiboClient = ReturnType<typeof createWeiboClient>;

export function createWeiboClient(ctx: CrawlContext, uid: string, cookie: string | null) {
  const origin = ctx.origins.weiboM;

  async function call<S extends z.ZodType>(path: string, schema: S, context: 'account' | 'post', referer = `https://m.weibo.cn/u/${uid}`): Promise<z.output<S>> {
    const headers: Record<string, string> = { 'MWeibo-Pwa': '1', 'X-Requested-With': 'XMLHttpRequest', 'User-Agent': USER_AGENT, Referer: referer };
    if (cookie) headers.Cookie = cookie;
    const response = await ctx.http.fetchText({ url: `${origin}${path}`, headers, scope: 'WEIBO', signal: ctx.signal, classifyRedirect: loginRedirect });
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

    async timelinePage(containerId: string, sinceId: string | null) {
      const query = `type=uid&value=${uid}&containerid=${containerId}${sinceId ? `&since_id=${sinceId}` : ''}`;
      try {
        const data = await call(`/api/container/getIndex?${query}`, timelineDataSchema, 'account');
        const next = data.cardlistInfo?.since_id;
        return { cards: data.cards, nextSinceId: next && String(next) !== '0' ? String(next) : null };
      } catch (error) {
        if (error instanceof CrawlError && error.kind === 'NOT_FOUND') return { cards: [], nextSinceId: null };
        throw error;
      }
    },

    async longText(mid: string): Promise<string> {
      return (await call(`/statuses/extend?id=${mid}`, extendDataSchema, 'post', `https://m.weibo.cn/detail/${mid}`)).longTextContent;
    },

    /** Single post; throws DELETED when Weibo says it no longer exists. */
    async show(id: string): Promise<WeiboMblog> {
      return call(`/statuses/show?id=${id}`, mblogSchema, 'post', `https://m.weibo.cn/detail/${id}`);
    },

    async hotflow(mid: string, maxId: number) {
      const path = `/comments/hotflow?id=${mid}&mid=${mid}&max_id_type=0${maxId ? `&max_id=${maxId}` : ''}`;
      try {
        return await call(path, hotflowDataSchema, 'post', `https://m.weibo.cn/detail/${mid}`);
      } catch (error) {
        // hotflow answers ok:0 with an empty msg when a post has no comments.
        if (error instanceof CrawlError && error.kind === 'HTTP' && error.httpStatus === null) return { data: [], max_id: 0 };
        throw error;
      }
    },

    detailUrl: (mid: string) => `${origin}/detail/${mid}`,
  };
}
