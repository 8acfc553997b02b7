import { z } from 'zod';
import { hasRole, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { addLexiconEntry, findLexicon, listLexiconEntries, listLexiconsWithCounts, setLexiconEntryActive } from '@/lib/data/lexicon-admin';
import { AppError, notFound } from '@/lib/errors';
import { lexiconEntryDataSchema } from '@/lib/scoring';
import { recordAudit } from './record-audit';

export const addLexiconEntryInputSchema = z.object({
  lexiconId: z.uuid(),
  term: z.string().trim().min(1).max(60),
  correct: z.string().trim().max(60).optional().transform((v) => v || undefined),
  /** Also match homophone substitutions (加威信 for 加微信); only terms of 3+ characters use it. */
  evasion: z.boolean().optional().transform((v) => v || undefined),
  /** A leader's name (protected terms): the titles the person holds, separated by 、 or commas, and protocol rank. */
  titles: z.string().trim().max(200).optional()
    .transform((v) => (v ? v.split(/[、,，;；\s]+/).filter(Boolean) : undefined))
    .pipe(z.array(z.string().max(20)).max(10).optional()),
  rank: z.union([z.literal('').transform(() => undefined), z.coerce.number().int().min(1).max(999)]).optional(),
});
export const toggleLexiconEntryInputSchema = z.object({ entryId: z.uuid(), isActive: z.boolean() });

// Lexicons apply province-wide, so editing them needs an administrator grant (of any scope).
function assertAdmin(access: Access) {
  if (!hasRole(access, ['ADMIN'])) throw new AppError('FORBIDDEN', 'Only administrators edit lexicons');
}

export async function listLexicons({ db = getDb() }: { db?: PrismaClient } = {}) {
  return listLexiconsWithCounts(db);
}

/** An entry's data as the editor shows it; data the schema does not know reads as empty rather than failing the page. */
function editorData(data: unknown) {
  const d = lexiconEntryDataSchema.catch({}).parse(data ?? {});
  return { correct: d.correct ?? null, evasion: d.evasion === true, titles: d.titles ?? [], rank: d.rank ?? null };
}

export async function getLexiconWithEntries({ id, db = getDb() }: { id: string; db?: PrismaClient }) {
  const lexicon = await findLexicon(db, id);
  if (!lexicon) throw notFound('lexicon');
  const entries = await listLexiconEntries(db, id);
  return { lexicon, entries: entries.map((e) => ({ id: e.id, term: e.term, isActive: e.isActive, ...editorData(e.data) })) };
}

/** Adds (or re-activates) a term; the next inspection uses it. Typo lexicons carry the correct form. */
export async function addLexiconTerm({ access, input, db = getDb() }: { access: Access; input: unknown; db?: PrismaClient }) {
  assertAdmin(access);
  const data = addLexiconEntryInputSchema.parse(input);
  if (!(await findLexicon(db, data.lexiconId))) throw notFound('lexicon');
  return db.$transaction(async (tx) => {
    const entry = await addLexiconEntry(tx, data.lexiconId, data.term, {
      ...(data.correct ? { correct: data.correct } : {}), ...(data.evasion ? { evasion: true } : {}),
      ...(data.titles?.length ? { titles: data.titles } : {}), ...(data.rank !== undefined ? { rank: data.rank } : {}),
    });
    await recordAudit(tx, { actorId: access.userId, action: 'lexicon.add-term', entityType: 'lexicon', entityId: data.lexiconId, after: data });
    return entry;
  });
}

export async function toggleLexiconTerm({ access, input, db = getDb() }: { access: Access; input: unknown; db?: PrismaClient }) {
  assertAdmin(access);
  const data = toggleLexiconEntryInputSchema.parse(input);
  return db.$transaction(async (tx) => {
    const entry = await setLexiconEntryActive(tx, data.entryId, data.isActive);
    await recordAudit(tx, { actorId: access.userId, action: data.isActive ? 'lexicon.enable-term' : 'lexicon.disable-term', entityType: 'lexicon', entityId: entry.lexiconId, after: { term: entry.term } });
    return { id: data.entryId };
  });
}
