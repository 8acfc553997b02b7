import { z } from 'zod';

/** Sort key of the findings queue (veto first, newest first, id as tie-breaker), all descending. */
export type FindingCursorKey = { isVeto: boolean; createdAt: Date; id: string };

const tupleSchema = z.tuple([z.union([z.literal(0), z.literal(1)]), z.iso.datetime(), z.uuid()]);

// base64url of a JSON tuple: opaque to the UI, and btoa/atob work in the browser and in Node alike.
export function encodeFindingCursor(key: FindingCursorKey): string {
  const json = JSON.stringify([key.isVeto ? 1 : 0, key.createdAt.toISOString(), key.id]);
  return btoa(json).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The key inside a cursor, or null when the cursor was not made by `encodeFindingCursor` (e.g. edited in the URL). */
export function decodeFindingCursor(cursor: string): FindingCursorKey | null {
  try {
    const parsed = tupleSchema.safeParse(JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/'))));
    if (!parsed.success) return null;
    const [veto, createdAt, id] = parsed.data;
    return { isVeto: veto === 1, createdAt: new Date(createdAt), id };
  } catch {
    return null;
  }
}

export const findingCursorSchema = z
  .string()
  .max(200)
  .refine((s) => decodeFindingCursor(s) !== null, { message: 'validation.findingCursor' });
