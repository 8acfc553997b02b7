import { ancestorsInScope, READ_ROLES, scopeRoots, type Access } from '@/lib/access';
import { listAgencyOptionNodes, searchAgencyOptionRows } from '@/lib/data/agency-tree';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import type { AgencyOptionsResponse } from '@/lib/schemas/agency-option';

/** Matches sent at most per search: enough to pick from, small enough to send on every keystroke pause. */
export const AGENCY_SEARCH_LIMIT = 50;

/**
 * Agencies of the reader's scope whose name contains `query`, at most AGENCY_SEARCH_LIMIT, each with its
 * ancestors inside the scope (the picker shows a match under its path, as its local filter does).
 */
export async function searchAgencyOptions({
  access,
  query,
  db = getDb(),
}: {
  access: Access;
  query: string;
  db?: Db;
}): Promise<AgencyOptionsResponse> {
  const roots = scopeRoots(access, READ_ROLES);
  if (roots.length === 0) return { agencies: [], truncated: false };
  const { rows, truncated } = await searchAgencyOptionRows(db, roots, query, AGENCY_SEARCH_LIMIT);
  const matched = new Set(rows.map((r) => r.id));
  const pathIds = [...new Set(rows.flatMap((r) => ancestorsInScope(r.ancestorIds, roots)))].filter(
    (id) => !matched.has(id),
  );
  const ancestors = await listAgencyOptionNodes(db, pathIds);
  // An ancestor brings only the matches below it: its other children are still to load.
  return {
    agencies: [...ancestors.map((a) => ({ ...a, lazyChildren: true })), ...rows.map(({ ancestorIds: _, ...r }) => r)],
    truncated,
  };
}
