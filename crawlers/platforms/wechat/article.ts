import { decodeEntities, extractHrefs, htmlToText } from '../../text/html-text';
import { articlePageState, type ArticlePageState } from './status';

// Article page HTML (docs/platform-formats.md §2.4): the data lives in script variables, `#publish_time` is empty
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
    esc.length > 1
      ? String.fromCharCode(Number.parseInt(esc.slice(1), 16))
      : esc === 'n'
        ? '\n'
        : esc === 't'
          ? '\t'
          : esc,
  );
}

const LITERAL = /(["'])((?:\\.|(?!\1)[^\\\n])*)\1/y;
const ALTERNATIVE = /\s*\|\|\s*/y;

/** The string literals of `"a" || "b" || "c"` starting at `from`, in order. */
function literalChain(html: string, from: number): string[] {
  const values: string[] = [];
  let at = from;
  for (;;) {
    LITERAL.lastIndex = at;
    const literal = LITERAL.exec(html);
    if (!literal) return values;
    values.push(literal[2] ?? '');
    ALTERNATIVE.lastIndex = LITERAL.lastIndex;
    if (!ALTERNATIVE.exec(html)) return values;
    at = ALTERNATIVE.lastIndex;
  }
}

/** The value of a `"" || "" || "X"` chain: the last non-empty alternative, as the page's JS evaluates it. */
function chainValue(html: string, from: number, decode = true): string | null {
  const values = literalChain(html, from).map((raw) =>
    (decode ? decodeEntities(unescapeJs(raw)) : unescapeJs(raw)).trim(),
  );
  return values.filter((v) => v !== '').at(-1) ?? null;
}

/**
 * Reads `var name = "…"`, `var name = '…'.html(false)`, `var name = htmlDecode("…")`, `var name = "1" * 1`,
 * `var name = "" || "" || "x"`, `window.name = '' || '…'` and `window.a = window.b = '…'` — 2018 and 2025 page
 * styles. An `||` chain takes its last non-empty alternative (the first one is an empty placeholder on real pages).
 * Empty strings are null.
 */
export function scriptVar(html: string, name: string): string | null {
  // 2025 pages also chain assignments: `window.msg_title = window.title = '…' || '';`.
  const pattern = new RegExp(
    `(?:\\bvar\\s+|\\bwindow\\.)${escapeName(name)}\\s*=\\s*(?:window\\.[\\w$]+\\s*=\\s*)*(?:htmlDecode\\(\\s*)?(?=["'])`,
  );
  const match = pattern.exec(html);
  return match ? chainValue(html, match.index + match[0].length) : null;
}

type ObjectLiteral = { text: string; masked: string };

/** What the object scanner stops at: a string or template start, a comment start, or a bracket. */
const OBJECT_TOKEN = /["'`]|\/\/|\/\*|[{}[\]()]/g;
/** The rest of a string literal after its opening quote (an unclosed one ends at the line end). */
const STRING_REST: Record<string, RegExp> = {
  '"': /(?:\\[\s\S]|[^"\\\n])*"?/y,
  "'": /(?:\\[\s\S]|[^'\\\n])*'?/y,
  '`': /(?:\\[\s\S]|[^`\\])*`?/y,
};

/**
 * The source text of the object literal assigned by `window.<name> = {…}`, with a copy (`masked`) in which string
 * contents, comments and nested brackets are blanked out, so that a key found in `masked` is a top-level key of
 * this object and never text inside a value or a key of a nested object. Null when there is no such assignment.
 */
function objectLiteral(html: string, name: string): ObjectLiteral | null {
  const open = new RegExp(`\\bwindow\\.${escapeName(name)}\\s*=\\s*\\{`).exec(html);
  if (!open) return null;
  const start = open.index + open[0].length - 1;
  const masked: string[] = [];
  const blank = (length: number) => masked.push(' '.repeat(length));
  let depth = 0;
  let at = start;
  OBJECT_TOKEN.lastIndex = start;
  for (let token = OBJECT_TOKEN.exec(html); token; token = OBJECT_TOKEN.exec(html)) {
    const plain = html.slice(at, token.index);
    if (depth > 1) blank(plain.length);
    else masked.push(plain);
    const t = token[0];
    let end = token.index + t.length;
    const rest = STRING_REST[t];
    if (rest) {
      rest.lastIndex = end;
      end = rest.exec(html) ? rest.lastIndex : end;
      // At the top level the quotes stay (a key's value is found by them); the contents never do.
      if (depth > 1 || end - token.index < 2) blank(end - token.index);
      else masked.push(t, ' '.repeat(end - token.index - 2), html[end - 1] ?? '');
    } else if (t === '//' || t === '/*') {
      const close = t === '//' ? html.indexOf('\n', end) : html.indexOf('*/', end);
      end = close < 0 ? html.length : t === '//' ? close : close + 2;
      blank(end - token.index);
    } else {
      const opening = t === '{' || t === '[' || t === '(';
      depth += opening ? 1 : -1;
      masked.push((opening ? depth > 1 : depth >= 1) ? ' ' : t);
    }
    at = end;
    OBJECT_TOKEN.lastIndex = end;
    if (depth === 0) return { text: html.slice(start, end), masked: masked.join('') };
  }
  masked.push(depth > 1 ? ' '.repeat(html.length - at) : html.slice(at));
  return { text: html.slice(start), masked: masked.join('') };
}

/** A top-level property of an object literal: `name: JsDecode('…')`, `name: '…' * 1`, `name: "…"`. */
function objectField(object: ObjectLiteral, name: string, decode: boolean): string | null {
  const key = new RegExp(`[{,\\s]${escapeName(name)}\\s*:\\s*`).exec(object.masked);
  if (!key) return null;
  const value = /(?:JsDecode\(\s*)?(?=["'])/y;
  value.lastIndex = key.index + key[0].length;
  return value.exec(object.text) ? chainValue(object.text, value.lastIndex, decode) : null;
}

/**
 * The page data object of 2025 pages: `window.cgiDataNew = {…}` on the pages captured in 2025–2026 (image posts,
 * text posts and ordinary articles alike), `window.cgiData = {…}` in the older form; empty when the page has neither.
 */
function cgiObjects(html: string): ObjectLiteral[] {
  return ['cgiDataNew', 'cgiData'].flatMap((name) => objectLiteral(html, name) ?? []);
}

/**
 * A top-level property of the page data object (`window.cgiDataNew`, else `window.cgiData`):
 * `name: JsDecode('…')`, `name: '…' * 1`, `name: "…"`. Null when absent or empty.
 */
export function cgiDataField(html: string, name: string, options: { html?: boolean } = {}): string | null {
  return cgiField(cgiObjects(html), name, options);
}

function cgiField(objects: ObjectLiteral[], name: string, options: { html?: boolean } = {}): string | null {
  // An HTML value (content_noencode) keeps its entities: they are text, decoded when the HTML becomes text.
  for (const object of objects) {
    const value = objectField(object, name, !options.html);
    if (value !== null) return value;
  }
  return null;
}

/** 图片消息 (8) and 文字消息 (10): no usable `#js_content`, the post lives in `window.cgiDataNew` (or `cgiData`). */
const CGI_DATA_SHOW_TYPES = new Set([8, 10]);

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

const asShowType = (raw: string | null) => (raw !== null && /^\d+$/.test(raw) ? Number(raw) : null);

export function parseArticlePage(html: string, pageUrl?: string): ParsedArticlePage {
  const objects = cgiObjects(html);
  const cgi = (name: string) => cgiField(objects, name);
  const showType = asShowType(
    scriptVar(html, 'real_item_show_type') ?? scriptVar(html, 'item_show_type') ?? cgi('item_show_type'),
  );
  const cgiContent = cgiField(objects, 'content_noencode', { html: true });
  const jsContent = elementInnerHtml(html, 'js_content');
  // Image and text posts have no usable #js_content (a text post's one holds the page header): their body is the
  // page data's content_noencode, empty when the post has no text. Shared articles (文章分享) have an empty
  // #js_content and the shared article's HTML in content_noencode.
  const cgiPost = showType !== null && CGI_DATA_SHOW_TYPES.has(showType) && objects.length > 0;
  const body = cgiPost
    ? (cgiContent ?? '')
    : (showType === null || jsContent === null || htmlToText(jsContent).trim() === '') && cgiContent !== null
      ? cgiContent
      : jsContent;
  if (body === null) {
    const state = articlePageState(html);
    return state ? { kind: 'status', state } : { kind: 'unknown' };
  }
  const mid = scriptVar(html, 'mid') ?? scriptVar(html, 'appmsgid') ?? cgi('mid');
  const idx = scriptVar(html, 'idx') ?? cgi('idx');
  const title =
    scriptVar(html, 'msg_title') ??
    cgi('title') ??
    metaContent(html, 'property', 'og:title') ??
    textOf(elementInnerHtml(html, 'activity-name'));
  const province = /provinceName:\s*(["'])([^"']*)\1/.exec(html)?.[2] ?? null;
  // A text post whose content_noencode is empty (seen on a 2020 one) keeps its whole text as the title.
  const text = articleText(body) || (cgiPost && showType === 10 ? (title ?? '') : '');
  return {
    kind: 'article',
    title,
    author: scriptVar(html, 'author') ?? cgi('author') ?? (metaContent(html, 'name', 'author') || null),
    accountName: scriptVar(html, 'nickname') ?? cgi('nick_name') ?? textOf(elementInnerHtml(html, 'js_name')),
    userName: scriptVar(html, 'user_name') ?? cgi('user_name'),
    alias: scriptVar(html, 'alias') ?? cgi('alias'),
    biz: scriptVar(html, 'biz') ?? cgi('biz') ?? cgi('bizuin'),
    aid: mid && idx ? `${mid}_${idx}` : null,
    // cgiDataNew's create_time is a Beijing "YYYY-MM-DD HH:mm" string (unixTime rejects it); ori_create_time is epoch.
    publishedAt:
      unixTime(scriptVar(html, 'ct')) ??
      unixTime(cgi('ori_create_time')) ??
      unixTime(cgi('create_time')) ??
      unixTime(scriptVar(html, 'create_time')),
    html: body,
    text,
    links: extractHrefs(body, pageUrl),
    avatarUrl: scriptVar(html, 'round_head_img') ?? cgi('round_head_img'),
    signature: scriptVar(html, 'profile_signature') ?? cgi('signature'),
    ipProvince: province ? decodeEntities(province) : null,
    sourceUrl: scriptVar(html, 'msg_source_url') ?? cgi('source_url'),
    itemShowType: showType,
  };
}
