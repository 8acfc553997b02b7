import type { z } from 'zod';
import { PARSE_ISSUE_RAW_MAX, type ParseIssueInput } from '@/lib/schemas/snapshot';
import { isCrawlError } from './errors';

// Tolerant reading (docs/crawlers.md): a page is read item by item. One item that does not match its schema is
// skipped and reported as a parse issue (raw JSON + zod path); the other items of the page are kept.

/** Caps issues per crawl so one broken page layout cannot flood the table; the count still shows the scale. */
export const MAX_ISSUES_PER_CRAWL = 200;

/** The raw item as JSON, cut to the stored bound. */
export function boundedJson(raw: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(raw) ?? String(raw);
  } catch {
    json = String(raw);
  }
  return json.length <= PARSE_ISSUE_RAW_MAX
    ? json
    : `${json.slice(0, PARSE_ISSUE_RAW_MAX - 20)}…[${json.length} chars]`;
}

const pathOf = (path: readonly PropertyKey[]) =>
  path
    .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
    .join('.')
    .replace(/\.\[/g, '[') || '(root)';

/** Collects the parse issues of one crawl. */
export class ParseIssues {
  readonly list: ParseIssueInput[] = [];
  dropped = 0;

  add(issue: { endpoint: string; itemKey?: string | null; path: string; message: string; raw: unknown }): void {
    this.dropped += 1;
    if (this.list.length >= MAX_ISSUES_PER_CRAWL) return;
    this.list.push({
      endpoint: issue.endpoint.slice(0, 200),
      itemKey: issue.itemKey?.slice(0, 200) ?? null,
      path: issue.path.slice(0, 500),
      message: issue.message.slice(0, 1000),
      rawJson: boundedJson(issue.raw),
    });
  }

  /** Parses one item; a mismatch is recorded and yields null. */
  parse<S extends z.ZodType>(
    schema: S,
    raw: unknown,
    where: { endpoint: string; itemKey?: string | null },
  ): z.output<S> | null {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const first = parsed.error.issues[0];
    this.add({
      ...where,
      itemKey: where.itemKey ?? itemKeyOf(raw),
      path: pathOf(first?.path ?? []),
      message: first?.message ?? 'invalid',
      raw,
    });
    return null;
  }

  /** Parses every item of a list, keeping those that match. */
  parseEach<S extends z.ZodType>(schema: S, raws: readonly unknown[], endpoint: string): z.output<S>[] {
    return raws.flatMap((raw) => {
      const item = this.parse(schema, raw, { endpoint });
      return item === null ? [] : [item];
    });
  }

  /**
   * Maps one already-parsed item; a CrawlError of kind PARSE thrown by the mapping (an unreadable date …) drops
   * only that item. Other errors propagate.
   */
  map<T, R>(item: T, raw: unknown, endpoint: string, fn: (item: T) => R): R | null {
    try {
      return fn(item);
    } catch (error) {
      if (!isCrawlError(error) || error.kind !== 'PARSE') throw error;
      this.add({ endpoint, itemKey: itemKeyOf(raw), path: '(mapping)', message: error.message, raw });
      return null;
    }
  }

  get any(): boolean {
    return this.dropped > 0;
  }
}

/** A readable id of a raw item (Weibo card/mblog id, WeChat aid, comment id) for the issue row. */
function itemKeyOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  const nested =
    typeof record.mblog === 'object' && record.mblog !== null ? (record.mblog as Record<string, unknown>) : null;
  for (const value of [nested?.mid, nested?.id, record.mid, record.aid, record.id, record.itemid]) {
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return null;
}
