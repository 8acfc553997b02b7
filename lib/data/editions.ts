import type { Prisma } from '@/lib/db/generated/client';
import type { Db } from '@/lib/db/types';

export async function listEditionsWithUse(db: Db) {
  const rows = await db.indicatorEdition.findMany({
    orderBy: { createdAt: 'asc' },
    select: { id: true, code: true, name: true, status: true, publishedAt: true, createdAt: true, basedOn: { select: { code: true } }, _count: { select: { inspections: true } } },
  });
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, status: r.status, publishedAt: r.publishedAt, createdAt: r.createdAt, basedOnCode: r.basedOn?.code ?? null, inspections: r._count.inspections }));
}

export async function findEditionById(db: Db, id: string) {
  return db.indicatorEdition.findUnique({ where: { id }, select: { id: true, code: true, name: true, status: true, catalogue: true, basedOnId: true, publishedAt: true, basedOn: { select: { code: true } } } });
}

export async function editionCodeExists(db: Db, code: string): Promise<boolean> {
  return (await db.indicatorEdition.count({ where: { code } })) > 0;
}

export async function insertDraftEdition(db: Db, data: { code: string; name: string; basedOnId: string; catalogue: Prisma.InputJsonValue; createdById: string }) {
  return db.indicatorEdition.create({ data: { ...data, status: 'DRAFT' }, select: { id: true, code: true } });
}

/** Only a draft changes; returns false when the edition is not (or no longer) a draft. */
export async function updateDraftCatalogue(db: Db, id: string, data: { name: string; catalogue: Prisma.InputJsonValue }): Promise<boolean> {
  const { count } = await db.indicatorEdition.updateMany({ where: { id, status: 'DRAFT' }, data });
  return count === 1;
}

export async function markEditionPublished(db: Db, id: string, at: Date): Promise<boolean> {
  const { count } = await db.indicatorEdition.updateMany({ where: { id, status: 'DRAFT' }, data: { status: 'PUBLISHED', publishedAt: at } });
  return count === 1;
}
