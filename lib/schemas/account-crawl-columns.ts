import { z } from 'zod';
import type { PlatformCode } from './enums';

// The crawl route of an account as import columns, turned into the `account.crawl_config` JSON the crawlers read
// (crawlers/platforms/*: wechat/config.ts, rss/index.ts, weibo/index.ts, appstore/index.ts, apps/android.ts).
// The formats mirror the crawlers' own zod schemas, so a file is refused at import rather than failing every crawl;
// tests/unit/schemas/account-crawl-columns.test.ts parses the result with the crawlers' parsers.

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
const YES = new Set(['true', 'yes', 'y', '1', '是']);
const NO = new Set(['false', 'no', 'n', '0', '否']);

const list = (v: string) =>
  v
    .split(/[;；|]/)
    .map((s) => s.trim())
    .filter(Boolean);

type Issue = { column: CrawlColumn; message: string };
export type CrawlColumnValues = Partial<Record<CrawlColumn, string>>;

/**
 * Builds the crawl_config of one row, or the problems of that row (column + message). `handle` matters because a
 * feed platform may use a feed URL as its handle.
 */
export function crawlConfigFromColumns(
  platform: PlatformCode,
  handle: string,
  values: CrawlColumnValues,
): { config: Record<string, unknown> } | { issues: Issue[] } {
  const issues: Issue[] = [];
  const allowed = new Set(CRAWL_COLUMNS_BY_PLATFORM[platform]);
  for (const column of CRAWL_COLUMNS) {
    if (values[column] && !allowed.has(column))
      issues.push({ column, message: `Does not apply to ${platform} accounts (their crawler never reads it)` });
  }
  const check = <T>(column: CrawlColumn, schema: z.ZodType<T>): T | undefined => {
    const raw = values[column];
    if (!raw || !allowed.has(column)) return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    issues.push({ column, message: parsed.error.issues[0]?.message ?? 'Invalid value' });
    return undefined;
  };

  const route = check(
    'crawl_route',
    z.string().transform((v, ctx) => {
      const r = ROUTE_WORDS[v.toLowerCase()];
      if (!r) ctx.addIssue({ code: 'custom', message: `Expected one of ${WECHAT_IMPORT_ROUTES.join(', ')}` });
      return r ?? z.NEVER;
    }),
  );
  const weMpRssId = check(
    'we_mp_rss_id',
    z.string().regex(/^[\w-]+$/, 'A we-mp-rss feed id has letters, digits, _ or - only'),
  );
  const fakeid = check(
    'wechat_fakeid',
    z.string().regex(/^[A-Za-z0-9+/]+=*$/, 'fakeid is the base64 __biz, e.g. MzkwMDAwMDAwMQ=='),
  );
  const feedUrl = check('feed_url', z.url({ protocol: /^https?$/, error: 'Expected an http(s) URL' }).max(2000));
  const rsshubPath = check(
    'rsshub_path',
    z.string().startsWith('/', 'An RSSHub path starts with /, e.g. /douyin/user/MS4wLjAB…').max(500),
  );
  const listsAllItems = check(
    'feed_lists_all_items',
    z.string().transform((v, ctx) => {
      const s = v.toLowerCase();
      if (YES.has(s)) return true;
      if (NO.has(s)) return false;
      ctx.addIssue({ code: 'custom', message: 'Expected yes/no (true/false, 是/否)' });
      return z.NEVER;
    }),
  );
  const uid = check('weibo_uid', z.string().regex(/^\d+$/, 'A Weibo uid is digits only'));
  const trackId = check(
    'app_track_id',
    z.string().regex(/^\d+$/, 'An App Store track id is digits only (id… in the App Store URL, without "id")'),
  );
  const bundleId = check('app_bundle_id', z.string().regex(/^[\w.-]+$/, 'A bundle id looks like cn.gov.example.app'));
  const stores = check(
    'android_stores',
    z.string().transform((v, ctx) => {
      const names = list(v).map((s) => s.toUpperCase());
      const bad = names.filter((s) => !(ANDROID_STORES as readonly string[]).includes(s));
      if (names.length === 0 || bad.length > 0)
        ctx.addIssue({
          code: 'custom',
          message: `Expected ${ANDROID_STORES.join(';')} or some of them, separated by ;`,
        });
      return [...new Set(names)] as (typeof ANDROID_STORES)[number][];
    }),
  );
  const huaweiAppId = check('huawei_app_id', z.string().regex(/^C\d+$/, 'An AppGallery app id looks like C100000001'));
  const searchTerms = check(
    'app_search_terms',
    z.string().transform((v, ctx) => {
      const terms = list(v);
      if (terms.length > 5) ctx.addIssue({ code: 'custom', message: 'At most 5 search terms, separated by ;' });
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
    issues.push({ column: 'crawl_route', message: 'The rss route needs we_mp_rss_id, feed_url or rsshub_path' });
  }
  if (platform === 'WECHAT' && route && route !== 'rss' && (weMpRssId || feed)) {
    issues.push({
      column: 'crawl_route',
      message: `The ${route} route reads the platform with a credential; leave we_mp_rss_id and the feed columns empty or use the rss route`,
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
      message: `A ${platform} account is read from a feed: give feed_url or rsshub_path (or a feed URL as handle)`,
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
