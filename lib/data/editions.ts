import type { Prisma } from '@/lib/db/generated/client';
import type { Db } from '@/lib/db/types';

export async function listEditionsWithUse(db: Db) {
  const rows = await db.indicatorEdition.findMany({
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      code: true,
      name: true,
      status: true,
      publishedAt: true,
      createdAt: true,
      ownerAgencyId: true,
      ownerAgency: { select: { name: true } },
      basedOn: { select: { code: true } },
      _count: { select: { inspections: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    status: r.status,
    publishedAt: r.publishedAt,
    createdAt: r.createdAt,
    basedOnCode: r.basedOn?.code ?? null,
    inspections: r._count.inspections,
    ownerAgencyId: r.ownerAgencyId,
    ownerAgencyName: r.ownerAgency?.name ?? null,
  }));
}

export async function findEditionById(db: Db, id: string) {
  return db.indicatorEdition.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      name: true,
      status: true,
      catalogue: true,
      basedOnId: true,
      publishedAt: true,
      ownerAgencyId: true,
      basedOn: { select: { code: true } },
    },
  });
}

export async function findEditionByCode(db: Db, code: string) {
  return db.indicatorEdition.findUnique({
    where: { code },
    select: { id: true, code: true, status: true, catalogue: true, ownerAgencyId: true },
  });
}

export async function editionCodeExists(db: Db, code: string): Promise<boolean> {
  return (await db.indicatorEdition.count({ where: { code } })) > 0;
}

export async function insertDraftEdition(
  db: Db,
  data: {
    code: string;
    name: string;
    basedOnId: string;
    catalogue: Prisma.InputJsonValue;
    createdById: string;
    ownerAgencyId: string | null;
  },
) {
  return db.indicatorEdition.create({ data: { ...data, status: 'DRAFT' }, select: { id: true, code: true } });
}

/** Only a draft changes; returns false when the edition is not (or no longer) a draft. */
export async function updateDraftCatalogue(
  db: Db,
  id: string,
  data: { name: string; catalogue: Prisma.InputJsonValue },
): Promise<boolean> {
  const { count } = await db.indicatorEdition.updateMany({ where: { id, status: 'DRAFT' }, data });
  return count === 1;
}

export async function markEditionPublished(db: Db, id: string, at: Date): Promise<boolean> {
  const { count } = await db.indicatorEdition.updateMany({
    where: { id, status: 'DRAFT' },
    data: { status: 'PUBLISHED', publishedAt: at },
  });
  return count === 1;
}

/**
 * The most recently published edition of the root (the one in force), or null when none is published. An edition
 * a county published scores that county's inspections only; it never becomes the province's edition in force.
 */
export async function findLatestPublishedEdition(db: Db) {
  return db.indicatorEdition.findFirst({
    where: { status: 'PUBLISHED', OR: [{ ownerAgencyId: null }, { ownerAgency: { parentId: null } }] },
    orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
    select: { id: true, code: true, name: true, catalogue: true },
  });
}

/** The catalogues of the editions the given findings were scored with. */
export async function listFindingEditionCatalogues(db: Db, findingIds: string[]) {
  return db.finding.findMany({
    where: { id: { in: findingIds } },
    select: { id: true, edition: { select: { catalogue: true } } },
  });
}
