import { READ_ROLES, scopeRoots, type Access } from '@/lib/access';
import { readKey, readThrough } from '@/lib/cache/read-cache';
import { getDb, getReadDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { FINDINGS_PAGE_SIZE, findFilterNames, listFindingsPage } from '@/lib/data/findings';
import { findingFilterSchema, type FindingFilter, type FindingsPage } from '@/lib/schemas/finding';
import { decodeFindingCursor, encodeFindingCursor } from '@/lib/schemas/finding-cursor';

/**
 * Findings inside the user's read scope, filtered and paginated on the server by keyset: the cursors name the rows
 * next to the neighbouring pages, so any page costs what the first does.
 */
export async function listFindings({
  access,
  filter,
  db = getDb(),
}: {
  access: Access;
  filter: FindingFilter;
  db?: Db;
}): Promise<FindingsPage> {
  const parsed = findingFilterSchema.parse(filter);
  const seek = {
    after: decodeFindingCursor(parsed.after ?? '') ?? undefined,
    before: decodeFindingCursor(parsed.before ?? '') ?? undefined,
  };
  const offset = !seek.after && !seek.before && parsed.page > 1 ? (parsed.page - 1) * FINDINGS_PAGE_SIZE : 0;
  const [{ first, last, hasBefore, hasAfter, ...rest }, filterNames] = await Promise.all([
    listFindingsPage(db, scopeRoots(access, READ_ROLES), parsed, { ...seek, offset }),
    findFilterNames(db, scopeRoots(access, READ_ROLES), parsed),
  ]);
  // A page number without a cursor is read by offset and clamped to the last page.
  const directPage = Math.min(parsed.page, Math.max(1, Math.ceil(rest.total / FINDINGS_PAGE_SIZE)));
  return {
    ...rest,
    filterNames,
    // The shown number travels with the cursor; it snaps to 1 when the cursor turns out to reach the start.
    page: !hasBefore ? 1 : offset > 0 ? directPage : Math.max(2, parsed.page),
    nextCursor: hasAfter && last ? encodeFindingCursor(last) : null,
    prevCursor: hasBefore && first ? encodeFindingCursor(first) : null,
  };
}

/**
 * The queue page as the findings page and GET /api/findings serve it: shared for a few seconds by every reader with
 * the same read scope and filter (lib/cache/read-cache.ts; a review, like every server action, clears the cache).
 */
export function listSharedFindings({
  access,
  filter,
}: {
  access: Access;
  filter: FindingFilter;
}): Promise<FindingsPage> {
  return readThrough(readKey('findings', scopeRoots(access, READ_ROLES), findingFilterSchema.parse(filter)), () =>
    listFindings({ access, filter, db: getReadDb() }),
  );
}
