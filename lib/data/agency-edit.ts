import type { Db } from '@/lib/db/types';
import type { Prisma } from '@/lib/db/generated/client';

export type EditableAgencyDto = { id: string; name: string; parentId: string | null; ancestorIds: string[]; level: string };

const select = { id: true, name: true, parentId: true, ancestorIds: true, level: true } as const;

export async function findEditableAgency(db: Db, id: string): Promise<EditableAgencyDto | null> {
  return db.agency.findUnique({ where: { id }, select });
}

/** Locks the agencies (in id order, so concurrent moves cannot deadlock) and returns them as they are now. */
export async function lockAgencies(tx: Prisma.TransactionClient, ids: string[]): Promise<EditableAgencyDto[]> {
  const sorted = [...new Set(ids)].sort();
  await tx.$queryRaw`SELECT id FROM agency WHERE id = ANY(${sorted}::uuid[]) ORDER BY id FOR UPDATE`;
  return tx.agency.findMany({ where: { id: { in: sorted } }, select });
}

export async function renameAgencyRow(db: Db, id: string, name: string): Promise<void> {
  await db.agency.update({ where: { id }, data: { name } });
}

/**
 * Re-parents `id` and rewrites the ancestor list of every descendant: the part above `id` is replaced by
 * `newAncestors`, the part from `id` down is kept. Returns the number of descendants rewritten.
 */
export async function moveAgencySubtree(tx: Prisma.TransactionClient, id: string, newParentId: string, newAncestors: string[]): Promise<number> {
  await tx.agency.update({ where: { id }, data: { parentId: newParentId, ancestorIds: newAncestors } });
  return tx.$executeRaw`
    UPDATE agency
    SET ancestor_ids = ${newAncestors}::uuid[] || ancestor_ids[array_position(ancestor_ids, ${id}::uuid):], updated_at = now()
    WHERE ${id}::uuid = ANY(ancestor_ids)`;
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
