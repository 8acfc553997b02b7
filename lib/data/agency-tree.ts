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

/** A node of the lazy agency picker; `lazyChildren` when it has active children that were not sent with it. */
export type AgencyOptionDto = { id: string; name: string; parentId: string | null; lazyChildren: boolean };

const optionSelect = {
  id: true,
  name: true,
  parentId: true,
  ancestorIds: true,
  _count: { select: { children: { where: { isActive: true } } } },
} as const;
type OptionRow = {
  id: string;
  name: string;
  parentId: string | null;
  ancestorIds: string[];
  _count: { children: number };
};
const toOption = (r: OptionRow, childrenSent = false): AgencyOptionDto => ({
  id: r.id,
  name: r.name,
  parentId: r.parentId,
  lazyChildren: !childrenSent && r._count.children > 0,
});

export const countAgencyOptions = (db: Db, roots: string[]): Promise<number> =>
  db.agency.count({ where: { isActive: true, ...agencyInSubtrees(roots) } });

/**
 * The top of the subtrees for a lazy picker: the roots, then whole levels below them (by level then name) while
 * the total stays within `budget`. A level is sent whole or not at all, so a node either has all its children
 * or none (then `lazyChildren` says there are some to load).
 */
export async function listAgencyOptionTop(db: Db, roots: string[], budget: number): Promise<AgencyOptionDto[]> {
  const top = (
    await db.agency.findMany({
      where: { id: { in: roots }, isActive: true },
      orderBy: [{ level: 'asc' }, { name: 'asc' }],
      select: optionSelect,
    })
  ).filter((r) => !r.ancestorIds.some((a) => roots.includes(a))); // a root inside another root comes with it
  const out: OptionRow[][] = [top];
  let frontier = top;
  let sent = top.length;
  while (frontier.length > 0) {
    const next = await db.agency.findMany({
      where: { parentId: { in: frontier.map((r) => r.id) }, isActive: true },
      orderBy: [{ level: 'asc' }, { name: 'asc' }],
      take: Math.max(budget - sent, 0) + 1,
      select: optionSelect,
    });
    if (sent + next.length > budget) break;
    out.push(next);
    sent += next.length;
    frontier = next;
  }
  // Every level but the last had its children sent (the level below it).
  return out.flatMap((level, i) => level.map((r) => toOption(r, i < out.length - 1)));
}

/** Active children of `parentId` (by level then name), at most `limit`; `truncated` when there were more. */
export async function listAgencyOptionChildren(db: Db, parentId: string, limit: number) {
  const rows = await db.agency.findMany({
    where: { parentId, isActive: true },
    orderBy: [{ level: 'asc' }, { name: 'asc' }],
    take: limit + 1,
    select: optionSelect,
  });
  return { agencies: rows.slice(0, limit).map((r) => toOption(r)), truncated: rows.length > limit };
}

/** Active agencies of the subtrees whose name contains `query` (any case), at most `limit`, with ancestor ids. */
export async function searchAgencyOptionRows(db: Db, roots: string[], query: string, limit: number) {
  const rows = await db.agency.findMany({
    where: {
      isActive: true,
      ...agencyInSubtrees(roots),
      // LIKE wildcards in the query are meant literally.
      name: { contains: query.replace(/[\\%_]/g, '\\$&'), mode: 'insensitive' },
    },
    orderBy: [{ level: 'asc' }, { name: 'asc' }],
    take: limit + 1,
    select: optionSelect,
  });
  return {
    rows: rows.slice(0, limit).map((r) => ({ ...toOption(r), ancestorIds: r.ancestorIds })),
    truncated: rows.length > limit,
  };
}

/** The agencies of `ids` as picker nodes (active or not: a path to a chosen agency is shown as it is). */
export async function listAgencyOptionNodes(db: Db, ids: string[]): Promise<AgencyOptionDto[]> {
  if (ids.length === 0) return [];
  const rows = await db.agency.findMany({ where: { id: { in: ids } }, select: optionSelect });
  return rows.map((r) => toOption(r));
}
