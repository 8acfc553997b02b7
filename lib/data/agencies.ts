import type { Db } from '@/lib/db/types';
import type { AgencyLevel } from '@/lib/schemas/enums';

export type NewAgency = { parentId: string | null; name: string; level: AgencyLevel; code: string | null; isSupervisingUnit: boolean; namingRule?: string | null };

/** Creates an agency; its ancestor list is the parent's plus the parent, root first. */
export async function createAgency(db: Db, input: NewAgency): Promise<{ id: string; ancestorIds: string[] }> {
  const parent = input.parentId ? await db.agency.findUnique({ where: { id: input.parentId }, select: { id: true, ancestorIds: true } }) : null;
  if (input.parentId && !parent) throw new Error(`parent agency ${input.parentId} not found`);
  return db.agency.create({
    data: {
      parentId: parent?.id ?? null,
      ancestorIds: parent ? [...parent.ancestorIds, parent.id] : [],
      name: input.name,
      level: input.level,
      code: input.code,
      isSupervisingUnit: input.isSupervisingUnit,
      namingRule: input.namingRule ?? null,
    },
    select: { id: true, ancestorIds: true },
  });
}

export const countAgencies = (db: Db): Promise<number> => db.agency.count();

export async function listRootAgencyIds(db: Db): Promise<string[]> {
  const rows = await db.agency.findMany({ where: { parentId: null }, orderBy: { createdAt: 'asc' }, select: { id: true } });
  return rows.map((r) => r.id);
}
