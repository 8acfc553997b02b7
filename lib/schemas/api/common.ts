import { z } from 'zod';
import { APP_ERROR_CODES } from '@/lib/errors';

// Building blocks of /api/v1's query strings and answers (docs/api.md). Query schemas are strict: an unknown or
// malformed parameter is a 400 naming the field, never silently ignored (unlike the dashboard's lenient filters).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A cursor is base64url of ["v1", <last id of the page>]: opaque to callers, checkable here.
export function encodeIdCursor(id: string): string {
  return btoa(JSON.stringify(['v1', id]))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/** The id inside a cursor made by `encodeIdCursor`, or null for anything else (edited, truncated, foreign). */
export function decodeIdCursor(cursor: string): string | null {
  try {
    const value: unknown = JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/')));
    return Array.isArray(value) &&
      value.length === 2 &&
      value[0] === 'v1' &&
      typeof value[1] === 'string' &&
      UUID.test(value[1])
      ? value[1]
      : null;
  } catch {
    return null;
  }
}

export const idCursorSchema = z
  .string()
  .max(200)
  .refine((s) => decodeIdCursor(s) !== null, { message: 'validation.findingCursor' })
  .meta({ description: 'nextCursor of the previous page; omit for the first page' });

export const limitSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(200)
  .default(50)
  .meta({ description: 'Rows per page (1–200, default 50)' });

/** A boolean in a query string: only the words true and false. */
export const queryBoolean = () => z.enum(['true', 'false']).transform((v) => v === 'true');

export const uuidParam = () => z.uuid();

/** The answer of every list: a page of items in a stable order and the cursor of the next page (null at the end). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: 'Pass as `cursor` for the next page; null when this is the last page' }),
  });

export const isoDateTime = () => z.string().meta({ format: 'date-time' });
export const isoDate = () =>
  z.string().meta({ format: 'date', description: 'An Asia/Shanghai calendar day, YYYY-MM-DD' });

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(APP_ERROR_CODES),
    message: z.string().meta({ description: "A sentence in the caller's language (Accept-Language: zh-CN or en)" }),
    fieldErrors: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .meta({ description: 'Per input field, what is wrong with it' }),
  }),
});
