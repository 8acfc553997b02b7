import { htmlToText } from '../../text/html-text';
import { CrawlError, redactUrl } from '../../errors';
import { parseJsonBody } from '../../http';
import { nextDataSchema, type YybNextData } from './schemas';

// Reading an sj.qq.com page: the `__NEXT_DATA__` script, the documented "not listed" pages, and the update date
// that only the DOM shows (`更新时间YYYY-MM-DD`, §3.3).

export type YybPage = { status: number; url: string; html: string };

const NEXT_DATA = /<script[^>]*\bid=["']__NEXT_DATA__["'][^>]*>([\s\S]*?)<\/script>/i;
const ERROR_MARKER = /class=["'][^"']*\bError_error__/;
const NOT_FOUND_TITLE = /<title>[^<]*(找不到|404)[^<]*<\/title>/i;
const CHALLENGE = /(安全验证|验证码|访问过于频繁|captcha)/i;

/** Neither data nor a documented error or verification page: the page is built by script and needs a browser. */
export const needsBrowser = (html: string) =>
  !NEXT_DATA.test(html) && !ERROR_MARKER.test(html) && !NOT_FOUND_TITLE.test(html) && !CHALLENGE.test(html);

/** The `__NEXT_DATA__` of a page; a "not listed" page is NOT_FOUND, a verification page BLOCKED. */
export function readNextData(page: YybPage, what: string): YybNextData {
  if (ERROR_MARKER.test(page.html) || NOT_FOUND_TITLE.test(page.html)) {
    throw new CrawlError('NOT_FOUND', `应用宝 does not list ${what} (error page at ${redactUrl(page.url)})`, {
      httpStatus: page.status,
    });
  }
  const script = NEXT_DATA.exec(page.html)?.[1];
  if (script === undefined) {
    if (CHALLENGE.test(page.html))
      throw new CrawlError('BLOCKED', `应用宝 answered a verification page for ${what}`, {
        httpStatus: page.status,
        retryable: false,
      });
    throw new CrawlError(
      'PARSE',
      `No __NEXT_DATA__ in the 应用宝 page for ${what} (page may need the browser fallback)`,
      { httpStatus: page.status },
    );
  }
  const data = parseJsonBody(
    { status: page.status, url: page.url, headers: new Headers(), text: script },
    nextDataSchema,
  );
  const response = data.props.pageProps.dynamicCardResponse;
  if (response && response.ret !== 0) {
    throw new CrawlError('HTTP', `应用宝 page data for ${what}: ret ${response.ret} ${response.msg ?? ''}`.trim(), {
      httpStatus: page.status,
      retryable: false,
    });
  }
  return data;
}

/** Items of the first component with this name (`GameDetail`, `SearchList`, `SameDeveloper` …). */
export function componentItems(data: YybNextData, name: string): unknown[] | null {
  const component = data.props.pageProps.dynamicCardResponse?.data?.components.find((c) => c.data?.name === name);
  return component?.data?.itemData ?? null;
}

const DETAIL_CARD_ID = 'yybn_game_basic_info';
const hasPackage = (item: unknown, pkg: string) =>
  typeof item === 'object' && item !== null && (item as Record<string, unknown>).pkg_name === pkg;

/**
 * The detail item of the app: the `yybn_game_basic_info` card (what public scrapers select), else the `GameDetail`
 * component, else the first component item carrying this package name. Neither key is confirmed by a stored
 * capture, so the page is scanned rather than trusted to one.
 */
export function detailItem(data: YybNextData, pkg: string): unknown {
  const components = data.props.pageProps.dynamicCardResponse?.data?.components ?? [];
  const items = (c: (typeof components)[number] | undefined) => c?.data?.itemData ?? [];
  const byCard = items(components.find((c) => c.cardId === DETAIL_CARD_ID));
  const byName = items(components.find((c) => c.data?.name === 'GameDetail'));
  return (
    byCard.find((i) => hasPackage(i, pkg)) ??
    byName.find((i) => hasPackage(i, pkg)) ??
    byCard[0] ??
    byName[0] ??
    components.flatMap(items).find((i) => hasPackage(i, pkg))
  );
}

/** `更新时间2025-03-18` (also with `：`, `/`, `.` or 年月日) read as a Shanghai calendar day. */
export function updateDateOf(html: string): Date | null {
  const match = /更新时间\s*[:：]?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(htmlToText(html));
  if (!match) return null;
  const [, y, m, d] = match;
  const at = new Date(`${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}T00:00:00+08:00`);
  return Number.isNaN(at.getTime()) ? null : at;
}
