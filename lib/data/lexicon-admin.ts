import type { Db } from '@/lib/db/types';

export async function listLexiconsWithCounts(db: Db) {
  const rows = await db.lexicon.findMany({
    orderBy: { code: 'asc' },
    select: { id: true, code: true, name: true, category: true, licenseNote: true, version: true, _count: { select: { entries: true } } },
  });
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, category: r.category, licenseNote: r.licenseNote, version: r.version, entries: r._count.entries }));
}

export async function listLexiconEntries(db: Db, lexiconId: string) {
  return db.lexiconEntry.findMany({ where: { lexiconId }, orderBy: { term: 'asc' }, select: { id: true, term: true, data: true, isActive: true } });
}

export async function findLexicon(db: Db, id: string) {
  return db.lexicon.findUnique({ where: { id }, select: { id: true, code: true, name: true, category: true } });
}

export async function addLexiconEntry(db: Db, lexiconId: string, term: string, data: { correct?: string; evasion?: boolean; titles?: string[]; rank?: number }) {
  const entry = await db.lexiconEntry.upsert({
    where: { lexiconId_term: { lexiconId, term } },
    create: { lexiconId, term, data },
    update: { isActive: true, data },
    select: { id: true },
  });
  await db.lexicon.update({ where: { id: lexiconId }, data: { version: { increment: 1 } } });
  return entry;
}

export async function setLexiconEntryActive(db: Db, entryId: string, isActive: boolean) {
  const entry = await db.lexiconEntry.update({ where: { id: entryId }, data: { isActive }, select: { lexiconId: true, term: true } });
  await db.lexicon.update({ where: { id: entry.lexiconId }, data: { version: { increment: 1 } } });
  return entry;
}
