// Page-shaped agency listings (admin tree, pickers, CLI list); single-agency lookups are in ./agencies.
import type { Db } from '@/lib/db/types';
import type { AgencyLevel } from '@/lib/schemas/enums';
import { agencyInSubtrees } from './overview';

export type AgencyTreeNodeDto = {
  id: string;
  parentId: string | null;
  name: string;
  level: string;
  code: string | null;
  isSupervisingUnit: boolean;
  accounts: number;
  depth: number;
};

/** Every agency of the subtrees, with its own account count, parents before children. */
export async function listAgencyTree(db: Db, roots: string[]): Promise<AgencyTreeNodeDto[]> {
  const rows = await db.agency.findMany({
    where: { isActive: true, ...agencyInSubtrees(roots) },
    orderBy: [{ name: 'asc' }],
    select: {
      id: true,
      parentId: true,
      name: true,
      level: true,
      code: true,
      isSupervisingUnit: true,
      ancestorIds: true,
      _count: { select: { accounts: true } },
    },
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
      out.push({
        id: r.id,
        parentId: r.parentId,
        name: r.name,
        level: r.level,
        code: r.code,
        isSupervisingUnit: r.isSupervisingUnit,
        accounts: r._count.accounts,
        depth,
      });
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** Agencies of the subtrees for a picker, by level then name, with their parent (the tree picker nests by it). */
export async function listAgencyOptions(db: Db, roots: string[]) {
  return db.agency.findMany({
    where: { isActive: true, ...agencyInSubtrees(roots) },
    orderBy: [{ level: 'asc' }, { name: 'asc' }],
    take: 2000,
    select: { id: true, name: true, level: true, parentId: true },
  });
}

/** Agencies of the subtrees that are not `excludeId` or below it: the places an agency may move to. */
export async function listMoveTargets(db: Db, roots: string[], excludeId: string) {
  return db.agency.findMany({
    where: {
      isActive: true,
      OR: [{ id: { in: roots } }, { ancestorIds: { hasSome: roots } }],
      NOT: [{ id: excludeId }, { ancestorIds: { has: excludeId } }],
    },
    orderBy: [{ name: 'asc' }],
    take: 2000,
    select: { id: true, name: true, level: true, ancestorIds: true },
  });
}

export type AgencyListRow = {
  code: string | null;
  name: string;
  level: AgencyLevel;
  parentCode: string | null;
  depth: number;
  accounts: number;
};

/** Every agency in tree order (parents before children, siblings by code) with its number of accounts. */
export async function listAgencyRows(db: Db): Promise<AgencyListRow[]> {
  const rows = await db.agency.findMany({
    select: {
      id: true,
      parentId: true,
      code: true,
      name: true,
      level: true,
      ancestorIds: true,
      parent: { select: { code: true } },
      _count: { select: { accounts: true } },
    },
  });
  const children = new Map<string | null, typeof rows>();
  for (const r of rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const out: AgencyListRow[] = [];
  const visit = (parentId: string | null) => {
    const list = (children.get(parentId) ?? []).sort((a, b) => (a.code ?? a.name).localeCompare(b.code ?? b.name));
    for (const r of list) {
      out.push({
        code: r.code,
        name: r.name,
        level: r.level,
        parentCode: r.parent?.code ?? null,
        depth: r.ancestorIds.length,
        accounts: r._count.accounts,
      });
      visit(r.id);
    }
  };
  visit(null);
  return out;
}
