import type { z } from 'zod';
import { CrawlError } from '../../errors';
import { parseJsonBody } from '../../http';
import type { ParseIssues } from '../../tolerant';
import type { CrawlContext } from '../../types';
import { isFakeid, type MpCredential, type WechatOptions } from './config';
import {
  appmsgexSchema,
  appmsgListSchema,
  appmsgpublishSchema,
  parseEmbeddedJson,
  publishInfoSchema,
  publishPageSchema,
  searchbizSchema,
  type Appmsgex,
  type Biz,
} from './schemas';
import { loginRedirect, mpError } from './status';

// Routes B/C (docs/platform-formats.md §2.2): the mp.weixin.qq.com operator backend, Cookie + token.

const USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

/** One listed article with the publish time of its event (`sent_info.time`, else `create_time`, else `update_time`). */
export type ListedArticle = Appmsgex & { publishedAt: Date };

export type MpClient = ReturnType<typeof createMpClient>;

const listedAt = (a: Appmsgex, eventTime?: number | null) =>
  new Date((eventTime || a.create_time || a.update_time || 0) * 1000);

/**
 * Articles of one `publish_page` (double-encoded JSON); events with empty `publish_info` are skipped (§2.2).
 * Each event and each article is read on its own: a malformed one is recorded in `issues` and dropped.
 */
export function publishedArticles(publishPage: string, issues: ParseIssues): ListedArticle[] {
  const page = parseEmbeddedJson(publishPage, publishPageSchema, 'publish_page');
  const endpoint = 'wechat:appmsgpublish/list_ex';
  return page.publish_list
    .filter((e) => e.publish_info.trim() !== '')
    .flatMap((e) => {
      const event = issues.map(e.publish_info, e, endpoint, (info) =>
        parseEmbeddedJson(info, publishInfoSchema, 'publish_info'),
      );
      if (!event) return [];
      return issues
        .parseEach(appmsgexSchema, event.appmsgex, endpoint)
        .map((a) => ({ ...a, publishedAt: listedAt(a, event.sent_info?.time) }));
    });
}

/** Articles of one `appmsg list_ex` page, each read on its own. */
export function appmsgListArticles(list: readonly unknown[], issues: ParseIssues): ListedArticle[] {
  return issues
    .parseEach(appmsgexSchema, list, 'wechat:appmsg/list_ex')
    .map((a) => ({ ...a, publishedAt: listedAt(a) }));
}

export function createMpClient(ctx: CrawlContext, credential: MpCredential) {
  const origin = ctx.origins.wechatMp;

  async function call<S extends z.ZodType<{ base_resp: { ret: number; err_msg?: string | null } }>>(
    path: string,
    params: Record<string, string>,
    schema: S,
  ): Promise<z.output<S>> {
    const query = new URLSearchParams({ ...params, token: credential.token, lang: 'zh_CN', f: 'json', ajax: '1' });
    const response = await ctx.http.fetchText({
      url: `${origin}${path}?${query}`,
      headers: {
        Cookie: credential.cookie,
        'User-Agent': USER_AGENT,
        Referer: 'https://mp.weixin.qq.com/',
        Origin: 'https://mp.weixin.qq.com',
      },
      scope: 'WECHAT',
      signal: ctx.signal,
      classifyRedirect: loginRedirect,
    });
    if (/^\s*</.test(response.text)) {
      if (/环境异常|完成验证后即可继续访问/.test(response.text))
        throw new CrawlError('BLOCKED', 'WeChat MP backend answered with its captcha page (环境异常)', {
          retryable: false,
        });
      throw new CrawlError(
        'LOGIN_WALL',
        'WeChat MP backend answered with an HTML page instead of JSON (session expired)',
        { retryable: false },
      );
    }
    const data = parseJsonBody(response, schema);
    if (data.base_resp.ret !== 0) throw mpError(data.base_resp.ret, data.base_resp.err_msg);
    return data;
  }

  return {
    /** Account search by name (§2.2 searchbiz). */
    async searchbiz(query: string): Promise<Biz[]> {
      const data = await call(
        '/cgi-bin/searchbiz',
        { action: 'search_biz', begin: '0', count: '5', query },
        searchbizSchema,
      );
      return data.list ?? [];
    },

    /** One page of the publish history; null when `publish_page` is missing (end of list). */
    async publishPage(
      fakeid: string,
      begin: number,
      count: number,
      issues: ParseIssues,
    ): Promise<ListedArticle[] | null> {
      const params = {
        sub: 'list',
        search_field: 'null',
        begin: String(begin),
        count: String(count),
        query: '',
        fakeid,
        type: '101_1',
        free_publish_type: '1',
        sub_action: 'list_ex',
      };
      const data = await call('/cgi-bin/appmsgpublish', params, appmsgpublishSchema);
      return data.publish_page ? publishedArticles(data.publish_page, issues) : null;
    },

    /** One page of the older article list (route C); a missing `app_msg_list` is the end of the list. */
    async appmsgPage(
      fakeid: string,
      begin: number,
      count: number,
      issues: ParseIssues,
    ): Promise<ListedArticle[] | null> {
      const params = { action: 'list_ex', begin: String(begin), count: String(count), fakeid, type: '9', query: '' };
      const data = await call('/cgi-bin/appmsg', params, appmsgListSchema);
      return data.app_msg_list ? appmsgListArticles(data.app_msg_list, issues) : null;
    },
  };
}

/**
 * Pages back (`begin += count`) until an article is older than `since`, the list ends, or the page budget runs out.
 * The lists are newest first [I], so reaching `since` proves the window is complete.
 */
export async function readMpList(
  client: MpClient,
  fakeid: string,
  since: Date,
  now: Date,
  options: WechatOptions,
  issues: ParseIssues,
) {
  const articles = new Map<string, ListedArticle>();
  for (let page = 0; page < options.maxPages; page += 1) {
    const begin = page * options.pageSize;
    const dropped = issues.dropped;
    const batch =
      options.listApi === 'appmsg'
        ? await client.appmsgPage(fakeid, begin, options.pageSize, issues)
        : await client.publishPage(fakeid, begin, options.pageSize, issues);
    // A page whose every item was unreadable is no end of the list.
    if (!batch || (batch.length === 0 && issues.dropped === dropped))
      return { articles: [...articles.values()], complete: true };
    let reachedSince = false;
    for (const article of batch) {
      if (article.publishedAt < since) reachedSince = true;
      else if (article.publishedAt <= now) articles.set(article.aid, article);
    }
    if (reachedSince) return { articles: [...articles.values()], complete: true };
  }
  return { articles: [...articles.values()], complete: false };
}

/**
 * The account's fakeid (configured, or the handle when it is one) and its searchbiz entry for the profile.
 * Without a fakeid the searchbiz hit whose alias equals the handle, or the only one with the exact name, is used.
 */
export async function resolveAccount(client: MpClient, handle: string, displayName: string, options: WechatOptions) {
  const known = options.fakeid ?? (isFakeid(handle) ? handle : null);
  if (known && !options.profile) return { fakeid: known, biz: null };
  const hits = await client.searchbiz(displayName);
  if (known) return { fakeid: known, biz: hits.find((h) => h.fakeid === known) ?? null };
  const byName = hits.filter((h) => h.nickname === displayName);
  const biz = hits.find((h) => h.alias && h.alias === handle) ?? (byName.length === 1 ? byName[0] : undefined);
  if (!biz) {
    const why =
      byName.length > 1
        ? `${byName.length} accounts are named "${displayName}"`
        : `no account named "${displayName}" or with alias ${handle}`;
    throw new CrawlError('NOT_FOUND', `WeChat searchbiz found ${why}; set crawlConfig.wechat.fakeid`, {
      retryable: false,
    });
  }
  return { fakeid: biz.fakeid, biz };
}
