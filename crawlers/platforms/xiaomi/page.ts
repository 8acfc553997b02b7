import { decodeEntities } from '../../text/html-text';

// The few CSS selectors docs/platform-formats.md §3.4 names, read from the server-rendered page without a DOM library,
// the way the other HTML crawlers read theirs: class and tag lookups with balanced nesting, text as tokens.

const OPEN_TAG = /<([a-z][\w-]*)\b([^>]*)>/gi;
const CLASS_ATTR = /\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

type Matcher = (tag: string, attrs: string) => boolean;

export const byClass =
  (name: string): Matcher =>
  (_tag, attrs) => {
    const match = CLASS_ATTR.exec(attrs);
    return (match?.[1] ?? match?.[2] ?? '').split(/\s+/).includes(name);
  };

export const byTag =
  (name: string): Matcher =>
  (tag) =>
    tag === name;

/** Inner HTML from `start` to the close of the element, balancing nested elements of the same tag. */
function innerFrom(html: string, tag: string, start: number): string {
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  tags.lastIndex = start;
  let depth = 1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    if (m[0].endsWith('/>')) continue;
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index);
  }
  return html.slice(start);
}

/** Inner HTML of every element that matches, in document order. */
export function selectAll(html: string, matches: Matcher): string[] {
  const found: string[] = [];
  for (const open of html.matchAll(OPEN_TAG)) {
    const tag = (open[1] ?? '').toLowerCase();
    if (!matches(tag, open[2] ?? '')) continue;
    found.push(open[0].endsWith('/>') ? '' : innerFrom(html, tag, open.index + open[0].length));
  }
  return found;
}

/** Descendant selection (`.main .container` → `select(html, byClass('main'), byClass('container'))`): the first hit. */
export function select(html: string, ...path: Matcher[]): string | null {
  let scope: string | null = html;
  for (const matches of path) scope = scope === null ? null : (selectAll(scope, matches)[0] ?? null);
  return scope;
}

/** Visible text with every tag boundary as a space, whitespace collapsed. */
export function textOf(fragment: string): string {
  const text = fragment.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ');
  return decodeEntities(text)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** The token after the last `label` token (also `label:` / `label：`), as app-parser reads `版本号` and `更新时间`. */
export function tokenAfter(text: string, label: string): string | null {
  const tokens = text.split(' ').filter(Boolean);
  const isLabel = (token: string) => token === label || token === `${label}:` || token === `${label}：`;
  const at = tokens.findLastIndex(isLabel);
  return at === -1 ? null : (tokens[at + 1] ?? null);
}
