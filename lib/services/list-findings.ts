import { READ_ROLES, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { listFindingsPage } from '@/lib/data/findings';
import { findingFilterSchema, type FindingFilter, type FindingsPage } from '@/lib/schemas/finding';
import { decodeFindingCursor, encodeFindingCursor } from '@/lib/schemas/finding-cursor';

/**
 * Findings inside the user's read scope, filtered and paginated on the server by keyset: the cursors name the rows
 * next to the neighbouring pages, so any page costs what the first does.
 */
export async function listFindings({ access, filter, db = getDb() }: { access: Access; filter: FindingFilter; db?: Db }): Promise<FindingsPage> {
  const parsed = findingFilterSchema.parse(filter);
  const seek = { after: decodeFindingCursor(parsed.after ?? '') ?? undefined, before: decodeFindingCursor(parsed.before ?? '') ?? undefined };
  const { first, last, hasBefore, hasAfter, ...rest } = await listFindingsPage(db, scopeRoots(access, READ_ROLES), parsed, seek);
  return {
    ...rest,
    // The shown number travels with the cursor; it snaps to 1 when the cursor turns out to reach the start.
    page: hasBefore ? Math.max(2, parsed.page) : 1,
    nextCursor: hasAfter && last ? encodeFindingCursor(last) : null,
    prevCursor: hasBefore && first ? encodeFindingCursor(first) : null,
  };
}
