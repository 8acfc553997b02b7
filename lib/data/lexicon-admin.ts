import type { Db } from '@/lib/db/types';

export async function listLexiconsWithCounts(db: Db) {
  const rows = await db.lexicon.findMany({
    orderBy: { code: 'asc' },
    select: {
      id: true,
      code: true,
      name: true,
      category: true,
      licenseNote: true,
      version: true,
      _count: { select: { entries: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    category: r.category,
    licenseNote: r.licenseNote,
    version: r.version,
    entries: r._count.entries,
  }));
}

export async function listLexiconEntries(db: Db, lexiconId: string) {
  return db.lexiconEntry.findMany({
    where: { lexiconId },
    orderBy: [{ term: 'asc' }, { agencyId: { sort: 'asc', nulls: 'first' } }],
    select: {
      id: true,
      term: true,
      data: true,
      isActive: true,
      agencyId: true,
      agency: { select: { name: true, ancestorIds: true } },
    },
  });
}

export async function findLexicon(db: Db, id: string) {
  return db.lexicon.findUnique({
    where: { id },
    select: { id: true, code: true, name: true, category: true, ownerAgencyId: true },
  });
}

export async function findLexiconEntry(db: Db, id: string) {
  return db.lexiconEntry.findUnique({
    where: { id },
    select: {
      id: true,
      lexiconId: true,
      term: true,
      agencyId: true,
      agency: { select: { ancestorIds: true } },
      lexicon: { select: { ownerAgencyId: true } },
    },
  });
}

/**
 * Adds a term, or re-activates and updates it: lexicon-wide when `agencyId` is null, else a local term of that agency.
 * (Prisma cannot address a compound unique key holding a NULL, hence find-then-write; the NULLS NOT DISTINCT
 * index turns a concurrent duplicate into a unique violation.)
 */
export async function addLexiconEntry(
  db: Db,
  lexiconId: string,
  agencyId: string | null,
  term: string,
  data: { correct?: string; evasion?: boolean; titles?: string[]; rank?: number },
) {
  const existing = await db.lexiconEntry.findFirst({ where: { lexiconId, agencyId, term }, select: { id: true } });
  const entry = existing
    ? await db.lexiconEntry.update({ where: { id: existing.id }, data: { isActive: true, data }, select: { id: true } })
    : await db.lexiconEntry.create({ data: { lexiconId, agencyId, term, data }, select: { id: true } });
  await db.lexicon.update({ where: { id: lexiconId }, data: { version: { increment: 1 } } });
  return entry;
}

export async function setLexiconEntryActive(db: Db, entryId: string, isActive: boolean) {
  const entry = await db.lexiconEntry.update({
    where: { id: entryId },
    data: { isActive },
    select: { lexiconId: true, term: true, agencyId: true },
  });
  await db.lexicon.update({ where: { id: entry.lexiconId }, data: { version: { increment: 1 } } });
  return entry;
}
