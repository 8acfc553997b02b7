// The agency aggregate: every lookup and write of one agency row (by id, by code, roots, creation, moves).
// Page-shaped listings (trees, pickers, scorecards) live in their own modules and compose these.
import type { Prisma } from '@/lib/db/generated/client';
import type { Db } from '@/lib/db/types';
import type { AgencyLevel } from '@/lib/schemas/enums';

export type NewAgency = {
  parentId: string | null;
  name: string;
  level: AgencyLevel;
  code: string | null;
  isSupervisingUnit: boolean;
  shortName?: string | null;
  regionCode?: string | null;
  namingRule?: string | null;
};

export type AgencyDto = {
  id: string;
  parentId: string | null;
  ancestorIds: string[];
  level: AgencyLevel;
  name: string;
  shortName: string | null;
  code: string | null;
  regionCode: string | null;
  isSupervisingUnit: boolean;
  namingRule: string | null;
  isActive: boolean;
  createdAt: string;
};

/** What scope checks and tree moves need of an agency. */
export type AgencyNodeDto = {
  id: string;
  name: string;
  level: string;
  isSupervisingUnit: boolean;
  parentId: string | null;
  ancestorIds: string[];
};

/** An agency found by its code, with its parent's code (to compare a re-imported row with what is stored). */
export type AgencyRef = {
  id: string;
  code: string;
  name: string;
  level: AgencyLevel;
  parentCode: string | null;
  ancestorIds: string[];
};

const agencySelect = {
  id: true,
  parentId: true,
  ancestorIds: true,
  level: true,
  name: true,
  shortName: true,
  code: true,
  regionCode: true,
  isSupervisingUnit: true,
  namingRule: true,
  isActive: true,
  createdAt: true,
} as const;

const nodeSelect = {
  id: true,
  name: true,
  level: true,
  isSupervisingUnit: true,
  parentId: true,
  ancestorIds: true,
} as const;

type AgencyRow = Omit<AgencyDto, 'createdAt'> & { createdAt: Date };
const toDto = (row: AgencyRow): AgencyDto => ({ ...row, createdAt: row.createdAt.toISOString() });

/** Creates an agency; its ancestor list is the parent's plus the parent, root first. */
export async function createAgency(db: Db, input: NewAgency): Promise<AgencyDto> {
  const parent = input.parentId
    ? await db.agency.findUnique({ where: { id: input.parentId }, select: { id: true, ancestorIds: true } })
    : null;
  if (input.parentId && !parent) throw new Error(`parent agency ${input.parentId} not found`);
  const row = await db.agency.create({
    data: {
      parentId: parent?.id ?? null,
      ancestorIds: parent ? [...parent.ancestorIds, parent.id] : [],
      name: input.name,
      shortName: input.shortName ?? null,
      level: input.level,
      code: input.code,
      regionCode: input.regionCode ?? null,
      isSupervisingUnit: input.isSupervisingUnit,
      namingRule: input.namingRule ?? null,
    },
    select: agencySelect,
  });
  return toDto(row);
}

export type NewImportedAgency = {
  code: string;
  name: string;
  level: AgencyLevel;
  parentId: string | null;
  ancestorIds: string[];
  shortName: string | null;
  regionCode: string | null;
  isSupervisingUnit: boolean;
};

/** Creates agencies whose parents already exist (one tree depth at a time); returns the new ids by code. */
export async function createAgencyBatch(db: Db, rows: NewImportedAgency[]): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const created = await db.agency.createManyAndReturn({ data: rows, select: { id: true, code: true } });
  return new Map(created.flatMap((r) => (r.code ? [[r.code, r.id] as const] : [])));
}

export type AgencyListFilter = { rootId?: string; level?: AgencyLevel; isSupervisingUnit?: boolean };

/** Agencies in tree order (depth first by ancestry length, then name); `rootId` limits to that subtree. */
export async function listAgencies(db: Db, filter: AgencyListFilter = {}): Promise<AgencyDto[]> {
  const rows = await db.agency.findMany({
    where: {
      ...(filter.rootId ? { OR: [{ id: filter.rootId }, { ancestorIds: { has: filter.rootId } }] } : {}),
      ...(filter.level ? { level: filter.level } : {}),
      ...(filter.isSupervisingUnit === undefined ? {} : { isSupervisingUnit: filter.isSupervisingUnit }),
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: agencySelect,
  });
  return rows.map(toDto);
}

export async function findAgencyNode(db: Db, id: string): Promise<AgencyNodeDto | null> {
  return db.agency.findUnique({ where: { id }, select: nodeSelect });
}

/** The agencies of `ids`, in the order of `ids` (unknown ids are left out). */
export async function listAgencyNodes(db: Db, ids: string[]): Promise<AgencyNodeDto[]> {
  if (ids.length === 0) return [];
  const rows = await db.agency.findMany({ where: { id: { in: ids } }, select: nodeSelect });
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}

export async function findAgencyByCode(db: Db, code: string): Promise<AgencyDto | null> {
  const row = await db.agency.findUnique({ where: { code }, select: agencySelect });
  return row ? toDto(row) : null;
}

/** The one lookup of many agencies by code: a map from each stored code to its agency (unknown codes are absent). */
export async function findAgenciesByCodes(db: Db, codes: string[]): Promise<Map<string, AgencyRef>> {
  if (codes.length === 0) return new Map();
  const rows = await db.agency.findMany({
    where: { code: { in: codes } },
    select: { id: true, code: true, name: true, level: true, ancestorIds: true, parent: { select: { code: true } } },
  });
  return new Map(
    rows.flatMap((r) =>
      r.code
        ? [
            [
              r.code,
              {
                id: r.id,
                code: r.code,
                name: r.name,
                level: r.level,
                parentCode: r.parent?.code ?? null,
                ancestorIds: r.ancestorIds,
              },
            ] as const,
          ]
        : [],
    ),
  );
}

export const countAgencies = (db: Db): Promise<number> => db.agency.count();

/** Root agencies, oldest first. */
export async function listRootAgencies(db: Db): Promise<Array<{ id: string; code: string | null; name: string }>> {
  return db.agency.findMany({
    where: { parentId: null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, code: true, name: true },
  });
}

export async function listRootAgencyIds(db: Db): Promise<string[]> {
  return (await listRootAgencies(db)).map((r) => r.id);
}

/** Locks the agencies (in id order, so concurrent moves cannot deadlock) and returns them as they are now. */
export async function lockAgencies(tx: Prisma.TransactionClient, ids: string[]): Promise<AgencyNodeDto[]> {
  const sorted = [...new Set(ids)].sort();
  await tx.$queryRaw`SELECT id FROM agency WHERE id = ANY(${sorted}::uuid[]) ORDER BY id FOR UPDATE`;
  return tx.agency.findMany({ where: { id: { in: sorted } }, select: nodeSelect });
}

export async function renameAgencyRow(db: Db, id: string, name: string): Promise<void> {
  await db.agency.update({ where: { id }, data: { name } });
}

/**
 * Re-parents `id` and rewrites the ancestor list of every descendant: the part above `id` is replaced by
 * `newAncestors`, the part from `id` down is kept. Returns the number of descendants rewritten.
 */
export async function moveAgencySubtree(
  tx: Prisma.TransactionClient,
  id: string,
  newParentId: string,
  newAncestors: string[],
): Promise<number> {
  await tx.agency.update({ where: { id }, data: { parentId: newParentId, ancestorIds: newAncestors } });
  return tx.$executeRaw`
    UPDATE agency
    SET ancestor_ids = ${newAncestors}::uuid[] || ancestor_ids[array_position(ancestor_ids, ${id}::uuid):], updated_at = now()
    WHERE ${id}::uuid = ANY(ancestor_ids)`;
}
