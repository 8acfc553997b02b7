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

const agencySelect = {
  id: true, parentId: true, ancestorIds: true, level: true, name: true, shortName: true, code: true, regionCode: true,
  isSupervisingUnit: true, namingRule: true, isActive: true, createdAt: true,
} as const;

type AgencyRow = Omit<AgencyDto, 'createdAt'> & { createdAt: Date };
const toDto = (row: AgencyRow): AgencyDto => ({ ...row, createdAt: row.createdAt.toISOString() });

/** Creates an agency; its ancestor list is the parent's plus the parent, root first. */
export async function createAgency(db: Db, input: NewAgency): Promise<AgencyDto> {
  const parent = input.parentId ? await db.agency.findUnique({ where: { id: input.parentId }, select: { id: true, ancestorIds: true } }) : null;
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

export async function findAgencyByCode(db: Db, code: string): Promise<AgencyDto | null> {
  const row = await db.agency.findUnique({ where: { code }, select: agencySelect });
  return row ? toDto(row) : null;
}

export const countAgencies = (db: Db): Promise<number> => db.agency.count();

export async function listRootAgencyIds(db: Db): Promise<string[]> {
  const rows = await db.agency.findMany({ where: { parentId: null }, orderBy: { createdAt: 'asc' }, select: { id: true } });
  return rows.map((r) => r.id);
}
