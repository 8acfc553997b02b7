import { z } from 'zod';

// Text crosses the boundary in one shape: NUL characters (PostgreSQL text refuses them) are dropped, lone UTF-16
// surrogates (unrepresentable in UTF-8; jsonb refuses `\ud800`) are refused, and an import never stores U+FFFD,
// the mark of bytes some decoder could not read.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NUL = /\u0000/g;

export const stripNul = (value: string) => value.replace(NUL, '');
export const hasLoneSurrogate = (value: string) => LONE_SURROGATE.test(value);

/** Message keys (errors.*.json `validation`), localized where the row errors are shown. */
export const LONE_SURROGATE_MESSAGE = 'validation.invalidText';
export const REPLACEMENT_CHAR_MESSAGE = 'validation.replacementChar';

const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * Text read from a platform: it is what it is (never refused), but NULs are dropped and lone surrogates become
 * U+FFFD so PostgreSQL can store it; the raw archive keeps the bytes as received.
 */
export const crawledText = () => z.string().overwrite((value) => stripNul(value).replace(LONE_SURROGATES, '\uFFFD'));

/** A string field from a form or a URL: NUL stripped, lone surrogates refused. Chain `.trim()`, `.min()` … as usual. */
export const text = (params?: Parameters<typeof z.string>[0]) =>
  z
    .string(params)
    .overwrite(stripNul)
    .refine((value) => !hasLoneSurrogate(value), { message: 'validation.invalidText' });

/** Normalizes any string inside a value (form payloads, JSON) and reports whether one holds a lone surrogate. */
export function normalizeDeep(value: unknown): { value: unknown; loneSurrogate: boolean } {
  let loneSurrogate = false;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (hasLoneSurrogate(v)) loneSurrogate = true;
      return stripNul(v);
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item)]));
    }
    return v;
  };
  return { value: walk(value), loneSurrogate };
}

/**
 * Wraps the row schema of an import file: every string cell loses its NULs, and a cell holding U+FFFD or a lone
 * surrogate makes the row a row-level error on that column (the whole import is refused, nothing is stored).
 */
export function importRow<S extends z.ZodType>(schema: S) {
  return z.preprocess((cells, ctx) => {
    if (!cells || typeof cells !== 'object') return cells;
    const clean: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(cells)) {
      if (typeof value === 'string') {
        if (value.includes('\uFFFD'))
          ctx.addIssue({ code: 'custom', path: [column], message: REPLACEMENT_CHAR_MESSAGE, input: value });
        else if (hasLoneSurrogate(value))
          ctx.addIssue({ code: 'custom', path: [column], message: LONE_SURROGATE_MESSAGE, input: value });
      }
      clean[column] = typeof value === 'string' ? stripNul(value) : value;
    }
    return clean;
  }, schema);
}

const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
};

/** An account URL typed by a person, or blank: http(s) only (`javascript:`, `file:`, `data:` … are refused), as import does. */
export const httpUrlOrBlank = () =>
  text()
    .trim()
    .max(2000)
    .refine((value) => value === '' || isHttpUrl(value), { message: 'validation.httpUrl' });

/** The id a picker submits: left blank it is "required", anything else that is not a UUID is invalid. */
export const pickedId = () =>
  z.uuid({ error: (issue) => (issue.input === '' || issue.input === undefined ? 'validation.required' : undefined) });
