import { decodeEntities, extractHrefs, htmlToText } from '../../text/html-text';
import { articlePageState, type ArticlePageState } from './status';

// Article page HTML (platform-formats §2.4): the data lives in script variables, `#publish_time` is empty
// server-side, and pages without `#js_content` are status pages (deleted, violation, captcha …).

export type ArticlePage = {
  kind: 'article';
  title: string | null;
  author: string | null;
  accountName: string | null;
  /** `user_name` (gh_…), `window.alias` (微信号), `biz` (= fakeid). */
  userName: string | null;
  alias: string | null;
  biz: string | null;
  /** `{mid}_{idx}` = the MP list's `aid`, when the page says so. */
  aid: string | null;
  publishedAt: Date | null;
  html: string;
  text: string;
  links: string[];
  avatarUrl: string | null;
  signature: string | null;
  ipProvince: string | null;
  sourceUrl: string | null;
  itemShowType: number | null;
};

export type ArticleStatusPage = { kind: 'status'; state: ArticlePageState };
export type ParsedArticlePage = ArticlePage | ArticleStatusPage | { kind: 'unknown' };

const escapeName = (name: string) => name.replace(/[.$]/g, '\\$&');

/** Unescapes a JS string literal body (`\x26`, `\u4e2d`, `\"`, `\\`). */
function unescapeJs(raw: string): string {
  return raw.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/g, (_m, esc: string) =>
    esc.length > 1 ? String.fromCharCode(Number.parseInt(esc.slice(1), 16)) : esc === 'n' ? '\n' : esc === 't' ? '\t' : esc,
  );
}

/**
 * Reads `var name = "…"`, `var name = '…'.html(false)`, `var name = htmlDecode("…")`, `var name = "1" * 1`,
 * `var name = "x" || "" || ""` and `window.name = "…"` — both 2019 and 2025 page styles. Empty strings are null.
 */
export function scriptVar(html: string, name: string): string | null {
  const pattern = new RegExp(`(?:\\bvar\\s+|\\bwindow\\.)${escapeName(name)}\\s*=\\s*(?:htmlDecode\\(\\s*)?(["'])((?:\\\\.|(?!\\1)[^\\\\])*)\\1`);
  const match = pattern.exec(html);
  if (!match) return null;
  const value = decodeEntities(unescapeJs(match[2] ?? '')).trim();
  return value === '' ? null : value;
}

/** Inner HTML of the element with `id=…`, balancing nested elements of the same tag. */
export function elementInnerHtml(html: string, id: string): string | null {
  const open = new RegExp(`<(\\w+)\\b[^>]*\\bid=["']${id}["'][^>]*>`, 'i').exec(html);
  if (!open) return null;
  const tag = open[1]?.toLowerCase() ?? 'div';
  const start = open.index + open[0].length;
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  tags.lastIndex = start;
  let depth = 1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index);
  }
  return html.slice(start);
}

const metaContent = (html: string, attr: 'name' | 'property', key: string) =>
  new RegExp(`<meta\\s+${attr}=["']${key}["']\\s+content=["']([^"']*)["']`, 'i').exec(html)?.[1] ?? null;

const textOf = (fragment: string | null) => (fragment === null ? null : htmlToText(fragment) || null);

/** Article bodies are pretty-printed HTML: source indentation is no text. */
const articleText = (body: string) =>
  htmlToText(body)
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');

function unixTime(raw: string | null): Date | null {
  const seconds = raw ? Number(raw) : Number.NaN;
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : null;
}

export function parseArticlePage(html: string, pageUrl?: string): ParsedArticlePage {
  const body = elementInnerHtml(html, 'js_content');
  if (body === null) {
    const state = articlePageState(html);
    return state ? { kind: 'status', state } : { kind: 'unknown' };
  }
  const mid = scriptVar(html, 'mid') ?? scriptVar(html, 'appmsgid');
  const idx = scriptVar(html, 'idx');
  const title = scriptVar(html, 'msg_title') ?? metaContent(html, 'property', 'og:title') ?? textOf(elementInnerHtml(html, 'activity-name'));
  const showType = scriptVar(html, 'real_item_show_type') ?? scriptVar(html, 'item_show_type');
  const province = /provinceName:\s*(["'])([^"']*)\1/.exec(html)?.[2] ?? null;
  return {
    kind: 'article',
    title,
    author: scriptVar(html, 'author') ?? metaContent(html, 'name', 'author'),
    accountName: scriptVar(html, 'nickname') ?? textOf(elementInnerHtml(html, 'js_name')),
    userName: scriptVar(html, 'user_name'),
    alias: scriptVar(html, 'alias'),
    biz: scriptVar(html, 'biz'),
    aid: mid && idx ? `${mid}_${idx}` : null,
    publishedAt: unixTime(scriptVar(html, 'ct') ?? scriptVar(html, 'create_time')),
    html: body,
    text: articleText(body),
    links: extractHrefs(body, pageUrl),
    avatarUrl: scriptVar(html, 'round_head_img'),
    signature: scriptVar(html, 'profile_signature'),
    ipProvince: province ? decodeEntities(province) : null,
    sourceUrl: scriptVar(html, 'msg_source_url'),
    itemShowType: showType !== null && /^\d+$/.test(showType) ? Number(showType) : null,
  };
}
