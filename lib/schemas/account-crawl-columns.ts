import { z } from 'zod';
import type { ValidationKey } from '@/lib/i18n/error-messages';
import type { PlatformCode } from './enums';

// The crawl route of an account as import columns, turned into the `account.crawl_config` JSON the crawlers read
// (crawlers/platforms/*: wechat/config.ts, rss/index.ts, weibo/index.ts, appstore/index.ts, apps/android.ts).
// The formats mirror the crawlers' own zod schemas, so a file is refused at import rather than failing every crawl;
// tests/unit/schemas/account-crawl-columns.test.ts parses the result with the crawlers' parsers.
// A problem is a message key (validation.crawl*, lib/i18n/messages/errors.*.json) with its values, worded in the
// reader's language where the row errors are reported (lib/services/import-accounts.ts), never an English sentence.

export const CRAWL_COLUMNS = [
  'crawl_route',
  'we_mp_rss_id',
  'wechat_fakeid',
  'feed_url',
  'rsshub_path',
  'feed_lists_all_items',
  'weibo_uid',
  'app_track_id',
  'app_bundle_id',
  'android_stores',
  'huawei_app_id',
  'app_search_terms',
] as const;
export type CrawlColumn = (typeof CRAWL_COLUMNS)[number];

const FEED_COLUMNS = ['feed_url', 'rsshub_path', 'feed_lists_all_items'] as const satisfies readonly CrawlColumn[];
/** Feed platforms whose handle RSSHub understands without a path (crawlers/platforms/rss RSSHUB_ROUTES). */
const RSSHUB_BY_HANDLE: readonly PlatformCode[] = ['DOUYIN', 'TOUTIAO'];
const FEED_PLATFORMS: readonly PlatformCode[] = ['RSS', 'DOUYIN', 'TOUTIAO', 'KUAISHOU', 'BILIBILI', 'WECHAT_CHANNELS'];

/** Which columns each platform's crawler reads; any other filled crawl column is an error on that row. */
export const CRAWL_COLUMNS_BY_PLATFORM: Record<PlatformCode, readonly CrawlColumn[]> = {
  WEIBO: ['weibo_uid'],
  WECHAT: ['crawl_route', 'we_mp_rss_id', 'wechat_fakeid', ...FEED_COLUMNS],
  APP_IOS: ['app_track_id', 'app_bundle_id', 'app_search_terms'],
  APP_ANDROID: ['android_stores', 'huawei_app_id', 'app_search_terms'],
  DOUYIN: FEED_COLUMNS,
  TOUTIAO: FEED_COLUMNS,
  KUAISHOU: FEED_COLUMNS,
  BILIBILI: FEED_COLUMNS,
  WECHAT_CHANNELS: FEED_COLUMNS,
  RSS: FEED_COLUMNS,
};

export const WECHAT_IMPORT_ROUTES = ['official', 'mp', 'rss'] as const;
const ROUTE_WORDS: Record<string, (typeof WECHAT_IMPORT_ROUTES)[number]> = {
  official: 'official',
  official_api: 'official',
  api: 'official',
  mp: 'mp',
  mp_backend: 'mp',
  rss: 'rss',
  rss_bridge: 'rss',
};
const ANDROID_STORES = ['HUAWEI', 'YINGYONGBAO', 'XIAOMI'] as const;
const MAX_SEARCH_TERMS = 5;
const YES = new Set(['true', 'yes', 'y', '1', '是']);
const NO = new Set(['false', 'no', 'n', '0', '否']);

const list = (v: string) =>
  v
    .split(/[;；|]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The values a crawl-column message refers to; the import words them per language: `platform` by its name,
 * `anyOf` / `allOf` as "a, b or c" / "a, b and c" of the columns' headers (codes in English).
 */
export type CrawlIssueParams = {
  platform?: PlatformCode;
  route?: string;
  expected?: string;
  maximum?: number;
  anyOf?: readonly CrawlColumn[];
  allOf?: readonly CrawlColumn[];
};
export type CrawlIssue = { column: CrawlColumn; message: `validation.${ValidationKey}`; params?: CrawlIssueParams };
export type CrawlColumnValues = Partial<Record<CrawlColumn, string>>;

const KEY_PREFIX = 'validation.';
const isCrawlMessage = (m: string | undefined): m is CrawlIssue['message'] =>
  typeof m === 'string' && m.startsWith(KEY_PREFIX);

/**
 * Builds the crawl_config of one row, or the problems of that row (column + message). `handle` matters because a
 * feed platform may use a feed URL as its handle.
 */
export function crawlConfigFromColumns(
  platform: PlatformCode,
  handle: string,
  values: CrawlColumnValues,
): { config: Record<string, unknown> } | { issues: CrawlIssue[] } {
  const issues: CrawlIssue[] = [];
  const allowed = new Set(CRAWL_COLUMNS_BY_PLATFORM[platform]);
  for (const column of CRAWL_COLUMNS) {
    if (values[column] && !allowed.has(column))
      issues.push({ column, message: 'validation.crawlNotForPlatform', params: { platform } });
  }
  const check = <T>(column: CrawlColumn, schema: z.ZodType<T>): T | undefined => {
    const raw = values[column];
    if (!raw || !allowed.has(column)) return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const first = parsed.error.issues[0];
    if (first?.code === 'too_big')
      issues.push({ column, message: 'validation.tooLong', params: { maximum: Number(first.maximum) } });
    else if (isCrawlMessage(first?.message))
      issues.push({
        column,
        message: first.message,
        ...(first.code === 'custom' && first.params ? { params: first.params as CrawlIssueParams } : {}),
      });
    else issues.push({ column, message: 'validation.invalid' });
    return undefined;
  };

  const route = check(
    'crawl_route',
    z.string().transform((v, ctx) => {
      const r = ROUTE_WORDS[v.toLowerCase()];
      if (!r)
        ctx.addIssue({
          code: 'custom',
          message: 'validation.crawlRoute',
          params: { expected: WECHAT_IMPORT_ROUTES.join(', ') },
        });
      return r ?? z.NEVER;
    }),
  );
  const weMpRssId = check('we_mp_rss_id', z.string().regex(/^[\w-]+$/, 'validation.crawlWeMpRssId'));
  const fakeid = check('wechat_fakeid', z.string().regex(/^[A-Za-z0-9+/]+=*$/, 'validation.crawlFakeid'));
  const feedUrl = check('feed_url', z.url({ protocol: /^https?$/, error: 'validation.httpUrl' }).max(2000));
  const rsshubPath = check('rsshub_path', z.string().startsWith('/', 'validation.crawlRsshubPath').max(500));
  const listsAllItems = check(
    'feed_lists_all_items',
    z.string().transform((v, ctx) => {
      const s = v.toLowerCase();
      if (YES.has(s)) return true;
      if (NO.has(s)) return false;
      ctx.addIssue({ code: 'custom', message: 'validation.crawlYesNo' });
      return z.NEVER;
    }),
  );
  const uid = check('weibo_uid', z.string().regex(/^\d+$/, 'validation.crawlWeiboUid'));
  const trackId = check('app_track_id', z.string().regex(/^\d+$/, 'validation.crawlAppTrackId'));
  const bundleId = check('app_bundle_id', z.string().regex(/^[\w.-]+$/, 'validation.crawlBundleId'));
  const stores = check(
    'android_stores',
    z.string().transform((v, ctx) => {
      const names = list(v).map((s) => s.toUpperCase());
      const bad = names.filter((s) => !(ANDROID_STORES as readonly string[]).includes(s));
      if (names.length === 0 || bad.length > 0)
        ctx.addIssue({
          code: 'custom',
          message: 'validation.crawlAndroidStores',
          params: { expected: ANDROID_STORES.join(';') },
        });
      return [...new Set(names)] as (typeof ANDROID_STORES)[number][];
    }),
  );
  const huaweiAppId = check('huawei_app_id', z.string().regex(/^C\d+$/, 'validation.crawlHuaweiAppId'));
  const searchTerms = check(
    'app_search_terms',
    z.string().transform((v, ctx) => {
      const terms = list(v);
      if (terms.length > MAX_SEARCH_TERMS)
        ctx.addIssue({ code: 'custom', message: 'validation.crawlSearchTerms', params: { maximum: MAX_SEARCH_TERMS } });
      return terms;
    }),
  );

  const feed =
    feedUrl || rsshubPath || listsAllItems !== undefined
      ? {
          ...(feedUrl ? { url: feedUrl } : {}),
          ...(rsshubPath ? { rsshubPath } : {}),
          ...(listsAllItems !== undefined ? { listsAllItems } : {}),
        }
      : undefined;
  const hasFeedSource = Boolean(feedUrl || rsshubPath || /^https?:\/\//.test(handle));
  if (platform === 'WECHAT' && route === 'rss' && !weMpRssId && !hasFeedSource) {
    issues.push({
      column: 'crawl_route',
      message: 'validation.crawlRssRouteNeedsSource',
      params: { anyOf: ['we_mp_rss_id', 'feed_url', 'rsshub_path'] },
    });
  }
  if (platform === 'WECHAT' && route && route !== 'rss' && (weMpRssId || feed)) {
    issues.push({
      column: 'crawl_route',
      message: 'validation.crawlCredentialRouteNoFeed',
      params: { route, allOf: ['we_mp_rss_id', ...FEED_COLUMNS] },
    });
  }
  if (
    FEED_PLATFORMS.includes(platform) &&
    !RSSHUB_BY_HANDLE.includes(platform) &&
    !hasFeedSource &&
    !issues.some((i) => i.column === 'feed_url' || i.column === 'rsshub_path')
  ) {
    issues.push({
      column: 'feed_url',
      message: 'validation.crawlFeedNeeded',
      params: { platform, anyOf: ['feed_url', 'rsshub_path'] },
    });
  }
  if (issues.length > 0) return { issues };

  const config: Record<string, unknown> = {};
  if (route) config.route = route;
  if (weMpRssId) config.weMpRssId = weMpRssId;
  if (fakeid) config.wechat = { fakeid };
  if (feed) config.feed = feed;
  if (uid) config.weibo = { uid };
  if (platform === 'APP_IOS' && (trackId || bundleId || searchTerms)) {
    config.appStore = {
      ...(trackId ? { trackId } : {}),
      ...(bundleId ? { bundleId } : {}),
      ...(searchTerms ? { searchTerms } : {}),
    };
  }
  if (platform === 'APP_ANDROID') {
    if (stores) config.android = { stores };
    if (huaweiAppId || searchTerms)
      config.huawei = { ...(huaweiAppId ? { appId: huaweiAppId } : {}), ...(searchTerms ? { searchTerms } : {}) };
    if (searchTerms) config.yingyongbao = { searchTerms };
  }
  return { config };
}
