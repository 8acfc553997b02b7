import type { Db } from '@/lib/db/types';

/** Id and ancestor ids of the given agencies (missing ids are left out). */
export async function listAgencyAncestries(
  db: Db,
  ids: string[],
): Promise<Array<{ id: string; ancestorIds: string[] }>> {
  if (ids.length === 0) return [];
  return db.agency.findMany({ where: { id: { in: ids } }, select: { id: true, ancestorIds: true } });
}

/** Agency id and its ancestors' ids (root first) for each account. */
export async function listAccountAgencyPaths(db: Db, accountIds: string[]): Promise<Map<string, string[]>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db.account.findMany({
    where: { id: { in: accountIds } },
    select: { id: true, agency: { select: { id: true, ancestorIds: true } } },
  });
  return new Map(rows.map((r) => [r.id, [...r.agency.ancestorIds, r.agency.id]]));
}
