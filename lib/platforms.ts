import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/config';

// Every platform the product knows, with its name in each UI language. Client-safe (no imports beyond the locale
// list), so the browser, the alert and notification texts, the exports and the crawler registry read the same names:
// a new platform is its crawler folder, one crawlers/registry.ts entry and one entry here (docs/architecture.md).

export type PlatformNames = Record<Locale, string>;

export const PLATFORM_LIST = [
  { code: 'WEIBO', names: { 'zh-CN': '微博', en: 'Weibo' } },
  { code: 'WECHAT', names: { 'zh-CN': '微信公众号', en: 'WeChat official account' } },
  { code: 'APP_IOS', names: { 'zh-CN': 'iOS 客户端', en: 'iOS app' } },
  { code: 'APP_ANDROID', names: { 'zh-CN': '安卓客户端', en: 'Android app' } },
  { code: 'DOUYIN', names: { 'zh-CN': '抖音', en: 'Douyin' } },
  { code: 'TOUTIAO', names: { 'zh-CN': '今日头条', en: 'Toutiao' } },
  { code: 'KUAISHOU', names: { 'zh-CN': '快手', en: 'Kuaishou' } },
  { code: 'BILIBILI', names: { 'zh-CN': '哔哩哔哩', en: 'Bilibili' } },
  { code: 'WECHAT_CHANNELS', names: { 'zh-CN': '视频号', en: 'WeChat Channels' } },
  { code: 'RSS', names: { 'zh-CN': '订阅源', en: 'Feed' } },
] as const satisfies readonly { code: string; names: PlatformNames }[];

export type PlatformCode = (typeof PLATFORM_LIST)[number]['code'];

const NAMES = new Map<string, PlatformNames>(PLATFORM_LIST.map((p) => [p.code, p.names]));

/** The names of a platform in every UI language; throws for a code that is not in the list (a programming error). */
export function platformNames(code: PlatformCode): PlatformNames {
  const names = NAMES.get(code);
  if (!names) throw new Error(`Unknown platform ${code}`);
  return names;
}

/** A platform's name in a UI language; a stored code the list does not know is shown as stored. */
export const platformName = (code: string, locale: string): string =>
  NAMES.get(code)?.[isLocale(locale) ? locale : DEFAULT_LOCALE] ?? code;
