import { z } from 'zod';
import { CrawlError } from '../../errors';
import type { CrawlTarget } from '../../types';

// Which of the routes of docs/platform-formats.md §2.1 an account uses, and the credential each one needs.

export const WECHAT_ROUTES = ['official', 'mp', 'rss'] as const;
export type WechatRoute = (typeof WECHAT_ROUTES)[number];

// Older spellings (the demo province stores `RSS_BRIDGE`) map onto the three routes.
const ROUTE_ALIASES: Record<string, WechatRoute> = { rss_bridge: 'rss', official_api: 'official', mp_backend: 'mp' };
const routeSchema = z
  .string()
  .transform((raw) => ROUTE_ALIASES[raw.toLowerCase()] ?? raw.toLowerCase())
  .pipe(z.enum(WECHAT_ROUTES));

const fakeidSchema = z.string().regex(/^[A-Za-z0-9+/]+=*$/, 'fakeid is the base64 __biz');

export const wechatConfigSchema = z.looseObject({
  route: routeSchema.optional(),
  /** we-mp-rss feed id; the rss route reads `{WE_MP_RSS_ORIGIN}/rss/{id}`. */
  weMpRssId: z
    .string()
    .regex(/^[\w-]+$/)
    .optional(),
  wechat: z
    .looseObject({
      fakeid: fakeidSchema.optional(),
      /** MP backend list: `appmsgpublish` (publish history, default) or the older `appmsg` list_ex (route C). */
      listApi: z.enum(['appmsgpublish', 'appmsg']).default('appmsgpublish'),
      pageSize: z.number().int().min(1).max(20).default(10),
      maxPages: z.number().int().min(1).max(100).default(20),
      /** Article pages fetched per crawl for body text and deletion checks (MP route). */
      maxArticles: z.number().int().min(0).max(200).default(40),
      /** Look the account up with searchbiz for its profile (MP route). */
      profile: z.boolean().default(true),
      /** comment/list pages (49 留言 each) per article (official route); 0 reads no 留言, so D5 stays not read. */
      commentPages: z.number().int().min(0).max(100).default(20),
    })
    .default({
      listApi: 'appmsgpublish',
      pageSize: 10,
      maxPages: 20,
      maxArticles: 40,
      profile: true,
      commentPages: 20,
    }),
});
export type WechatConfig = z.output<typeof wechatConfigSchema>;
export type WechatOptions = WechatConfig['wechat'];

/** AppID + AppSecret of an owned account (credential kind WECHAT_OFFICIAL_API). */
const officialCredentialSchema = z
  .looseObject({
    appId: z.string().min(1).optional(),
    appid: z.string().min(1).optional(),
    appSecret: z.string().min(1).optional(),
    secret: z.string().min(1).optional(),
  })
  .transform((c) => ({ appId: c.appId ?? c.appid, appSecret: c.appSecret ?? c.secret }))
  .pipe(z.object({ appId: z.string().min(1), appSecret: z.string().min(1) }));
export type OfficialCredential = z.output<typeof officialCredentialSchema>;

/** A logged-in mp.weixin.qq.com operator session (credential kind WECHAT_MP_BACKEND). */
const mpCredentialSchema = z.looseObject({
  cookie: z.string().min(1),
  token: z.union([z.string().regex(/^\d+$/), z.number().int()]).transform(String),
});
export type MpCredential = z.output<typeof mpCredentialSchema>;

export type RoutePlan =
  { route: 'official'; credential: OfficialCredential } | { route: 'mp'; credential: MpCredential } | { route: 'rss' };

/**
 * Decision: an explicit `crawlConfig.route` wins; without it the credential decides (AppID/Secret → official API,
 * cookie+token → MP backend), and an account with neither falls back to an RSS bridge. A route whose credential
 * is missing or malformed is an AUTH failure, never a silent switch to another route: the routes cover different
 * things (route A omits 群发, feeds prove no completeness), so switching would change what "no update" means.
 * Credential values never enter error messages.
 */
export function planRoute(target: CrawlTarget, config: WechatConfig): RoutePlan {
  const official = officialCredentialSchema.safeParse(target.credential);
  const mp = mpCredentialSchema.safeParse(target.credential);
  const route = config.route ?? (official.success ? 'official' : mp.success ? 'mp' : 'rss');
  if (route === 'official') {
    if (!official.success)
      throw new CrawlError('AUTH', 'WeChat official-API route needs an AppID/AppSecret credential', {
        retryable: false,
      });
    return { route, credential: official.data };
  }
  if (route === 'mp') {
    if (!mp.success)
      throw new CrawlError('AUTH', 'WeChat MP-backend route needs a cookie+token credential', { retryable: false });
    return { route, credential: mp.data };
  }
  return { route: 'rss' };
}

export function parseWechatConfig(raw: unknown): WechatConfig {
  const parsed = wechatConfigSchema.safeParse(raw ?? {});
  if (!parsed.success)
    throw new CrawlError('INTERNAL', `Invalid WeChat crawlConfig: ${z.prettifyError(parsed.error).slice(0, 300)}`, {
      retryable: false,
    });
  return parsed.data;
}

/** True for a base64 `__biz`/fakeid such as `MzkwMDAwMDAwMQ==` (decodes to a decimal number). */
export function isFakeid(value: string): boolean {
  if (!fakeidSchema.safeParse(value).success) return false;
  return /^\d+$/.test(Buffer.from(value, 'base64').toString('latin1'));
}
