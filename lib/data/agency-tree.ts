import type { Db } from '@/lib/db/types';
import { agencyInSubtrees } from './overview';

export type AgencyTreeNodeDto = { id: string; parentId: string | null; name: string; level: string; code: string | null; isSupervisingUnit: boolean; accounts: number; depth: number };

/** Every agency of the subtrees, with its own account count, parents before children. */
export async function listAgencyTree(db: Db, roots: string[]): Promise<AgencyTreeNodeDto[]> {
  const rows = await db.agency.findMany({
    where: { isActive: true, ...agencyInSubtrees(roots) },
    orderBy: [{ name: 'asc' }],
    select: { id: true, parentId: true, name: true, level: true, code: true, isSupervisingUnit: true, ancestorIds: true, _count: { select: { accounts: true } } },
  });
  const byParent = new Map<string | null, typeof rows>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    const key = r.parentId && ids.has(r.parentId) ? r.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), r]);
  }
  const out: AgencyTreeNodeDto[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const r of byParent.get(parent) ?? []) {
      out.push({ id: r.id, parentId: r.parentId, name: r.name, level: r.level, code: r.code, isSupervisingUnit: r.isSupervisingUnit, accounts: r._count.accounts, depth });
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export async function findAgencyCode(db: Db, code: string) {
  return db.agency.findUnique({ where: { code }, select: { id: true } });
}
