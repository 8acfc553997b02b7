import { randomUUID } from 'node:crypto';
import { CrawlError, isCrawlError } from '../../errors';
import { parseJsonBody, type HttpTextResponse } from '../../http';
import type { CrawlContext } from '../../types';
import { readAppInfo, readStarInfo } from './parse';
import { interfaceCodeSchema, legacySearchSchema, type HuaweiAppInfo, type HuaweiStarInfo } from './schemas';

// web-drcn.hispace.dbankcloud.com (docs/platform-formats.md §3.2): an interface code fetched with a random identity id,
// sent as `{code}_{epoch ms}` on every call and refreshed about every 10 minutes (harmony_markget_get uses 600 s).

const CODE_TTL_MS = 9 * 60_000;

type InterfaceCode = { code: string; identity: string; fetchedAt: number };
/** Per origin; lives as long as the crawler (the worker process). */
export type InterfaceCodeCache = Map<string, InterfaceCode>;

export type HuaweiQuery = { pkgName: string } | { appId: string };

export type HuaweiClient = ReturnType<typeof createHuaweiClient>;

export function createHuaweiClient(ctx: CrawlContext, cache: InterfaceCodeCache) {
  const origin = ctx.origins.huawei;

  async function interfaceCode(refresh: boolean): Promise<InterfaceCode> {
    const cached = cache.get(origin);
    if (!refresh && cached && ctx.now.getTime() - cached.fetchedAt < CODE_TTL_MS) return cached;
    const identity = randomUUID().replace(/-/g, '');
    const response = await ctx.http.fetchText({
      url: `${origin}/edge/webedge/getInterfaceCode`,
      method: 'POST',
      scope: 'HUAWEI',
      signal: ctx.signal,
      headers: {
        'Content-Type': 'application/json',
        'Interface-Code': `null_${ctx.now.getTime()}`,
        'identity-id': identity,
      },
    });
    const code = { code: parseJsonBody(response, interfaceCodeSchema), identity, fetchedAt: ctx.now.getTime() };
    cache.set(origin, code);
    return code;
  }

  /** A signed call; a refused code (401) is refreshed once, then the refusal stands as AUTH. */
  async function signed(url: string, init: { method: 'GET' | 'POST'; body?: unknown }): Promise<HttpTextResponse> {
    for (const refresh of [false, true]) {
      const code = await interfaceCode(refresh);
      try {
        return await ctx.http.fetchText({
          url,
          method: init.method,
          scope: 'HUAWEI',
          signal: ctx.signal,
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
          headers: {
            'Content-Type': 'application/json',
            'Interface-Code': `${code.code}_${Date.now()}`,
            'identity-id': code.identity,
          },
        });
      } catch (error) {
        if (!refresh && isCrawlError(error) && error.kind === 'AUTH') continue;
        throw error;
      }
    }
    throw new CrawlError('INTERNAL', 'unreachable', { retryable: false });
  }

  return {
    /** App metadata; an empty body (or one without appId) means AppGallery does not list it. */
    async appInfo(query: HuaweiQuery): Promise<HuaweiAppInfo> {
      const what = 'pkgName' in query ? `pkgName=${query.pkgName}` : `appId=${query.appId}`;
      return readAppInfo(
        await signed(`${origin}/edge/webedge/appinfo`, { method: 'POST', body: { ...query, locale: 'zh_CN' } }),
        what,
      );
    },

    /** Star rating from the comment card of the detail page; null when the page has no such card. */
    async rating(appId: string): Promise<HuaweiStarInfo | null> {
      return readStarInfo(
        await signed(`${origin}/edge/harmony/page-detail`, {
          method: 'POST',
          body: { pageId: `webAgAppDetail|${appId}`, pageNum: 1, pageSize: 100, zone: '' },
        }),
      );
    },

    /** Legacy layout search (`uri=searchApp|{name}`): names and app ids of the hits. */
    async search(term: string, maxResults: number): Promise<{ name: string; appId: string }[]> {
      const query = new URLSearchParams({
        method: 'internal.getTabDetail',
        serviceType: '20',
        reqPageNum: '1',
        uri: `searchApp|${term}`,
        maxResults: String(maxResults),
        locale: 'zh',
      });
      const response = await signed(`${ctx.origins.huaweiLegacy}/uowap/index?${query}`, { method: 'GET' });
      const body = parseJsonBody(response, legacySearchSchema);
      return body.layoutData
        .flatMap((l) => l.dataList ?? [])
        .flatMap((d) => (d.name && d.appid ? [{ name: d.name, appId: d.appid }] : []));
    },
  };
}
