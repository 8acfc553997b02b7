import type { Db } from '@/lib/db/types';
import type { Prisma } from '@/lib/db/generated/client';
import { dateToDay } from '@/lib/time';

/** Lexicons with their active terms; `agencyId` marks a local term, `ownerAgencyId` a lexicon of one subtree. */
export async function listLexiconDefs(db: Db) {
  const rows = await db.lexicon.findMany({
    orderBy: { code: 'asc' },
    select: {
      code: true,
      name: true,
      category: true,
      licenseNote: true,
      ownerAgencyId: true,
      entries: {
        where: { isActive: true },
        orderBy: [{ term: 'asc' }, { agencyId: { sort: 'asc', nulls: 'first' } }],
        select: { term: true, data: true, agencyId: true },
      },
    },
  });
  return rows;
}

export async function insertLexicon(
  db: Db,
  def: {
    code: string;
    name: string;
    category: string;
    licenseNote?: string;
    entries: Array<{ term: string; data?: Prisma.InputJsonValue }>;
  },
) {
  await db.lexicon.create({
    data: {
      code: def.code,
      name: def.name,
      category: def.category as Prisma.LexiconCreateInput['category'],
      licenseNote: def.licenseNote ?? null,
      entries: { create: def.entries.map((e) => ({ term: e.term, data: e.data ?? {} })) },
    },
  });
}

export async function listLexiconCodes(db: Db): Promise<Set<string>> {
  const rows = await db.lexicon.findMany({ select: { code: true } });
  return new Set(rows.map((r) => r.code));
}

/** Serializes reference-data writers (two deployments migrating at once) until the transaction ends. */
export async function lockReferenceData(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('xunjian.reference-data'))`;
}

/** Inserts a published edition unless its code exists; true when it was inserted. Never updates a stored edition. */
export async function insertEditionIfMissing(
  db: Db,
  edition: { code: string; name: string; catalogue: Prisma.InputJsonValue },
): Promise<boolean> {
  const { count } = await db.indicatorEdition.createMany({
    data: [
      {
        code: edition.code,
        name: edition.name,
        catalogue: edition.catalogue,
        status: 'PUBLISHED',
        publishedAt: new Date(),
      },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}

export async function listCalendarDays(db: Db) {
  const rows = await db.calendarDay.findMany({ select: { day: true, kind: true } });
  return rows.map((r) => ({ day: dateToDay(r.day), kind: r.kind }));
}

export async function upsertEdition(db: Db, edition: { code: string; name: string; catalogue: Prisma.InputJsonValue }) {
  return db.indicatorEdition.upsert({
    where: { code: edition.code },
    create: {
      code: edition.code,
      name: edition.name,
      catalogue: edition.catalogue,
      status: 'PUBLISHED',
      publishedAt: new Date(),
    },
    update: {},
    select: { id: true },
  });
}

/** First account (by opening, then registration) per agency and platform: the one others are "extra" to. */
export async function listFirstAccountIds(db: Db, agencyIds: string[]): Promise<Set<string>> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT DISTINCT ON (agency_id, platform_code) id FROM account
    WHERE agency_id = ANY(${agencyIds}::uuid[]) AND lifecycle <> 'CLOSED'
    ORDER BY agency_id, platform_code, opened_at ASC NULLS LAST, created_at ASC, id ASC`;
  return new Set(rows.map((r) => r.id));
}
