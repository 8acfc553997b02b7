import { ADMIN_ROLES, canAccessAgency, hasRole, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import {
  addLexiconEntry,
  findLexicon,
  findLexiconEntry,
  listLexiconEntries,
  listLexiconsWithCounts,
  setLexiconEntryActive,
} from '@/lib/data/lexicon-admin';
import { AppError, notFound } from '@/lib/errors';
import { addLexiconEntryInputSchema, toggleLexiconEntryInputSchema } from '@/lib/schemas/lexicon';
import { lexiconEntryDataSchema } from '@/lib/scoring';
import { adminHomeAgencies, isAdminOver } from './owner-admin';
import { recordAudit } from './record-audit';

// Editing lexicons needs an administrator grant; which terms, the term's owner agency decides (`isAdminOver`).
function assertAdmin(access: Access) {
  if (!hasRole(access, ['ADMIN'])) throw new AppError('FORBIDDEN', 'lexiconsAdminOnly');
}

/** A term's owner: its agency for a local term, else the lexicon's owner (null = the root). */
const ownerOf = (entry: { agencyId: string | null }, lexicon: { ownerAgencyId: string | null }) =>
  entry.agencyId ?? lexicon.ownerAgencyId;

/** A local term is visible to those whose grants lie in its agency's subtree or above it (it applies to them or they run it). */
function seesLocalTerm(access: Access, agency: { id: string; ancestorIds: string[] }): boolean {
  const roots = new Set(access.grants.map((g) => g.agencyId));
  return (
    canAccessAgency(access, ADMIN_ROLES, agency) ||
    roots.has(agency.id) ||
    agency.ancestorIds.some((id) => roots.has(id))
  );
}

export async function listLexicons({ db = getDb() }: { db?: PrismaClient } = {}) {
  return listLexiconsWithCounts(db);
}

/** An entry's data as the editor shows it; data the schema does not know reads as empty rather than failing the page. */
function editorData(data: unknown) {
  const d = lexiconEntryDataSchema.catch({}).parse(data ?? {});
  return { correct: d.correct ?? null, evasion: d.evasion === true, titles: d.titles ?? [], rank: d.rank ?? null };
}

/**
 * A lexicon with the terms the caller may see: lexicon-wide terms and the local terms of their subtrees and of
 * the agencies above them (other counties' local terms stay hidden); `canChange` says whether they may toggle it.
 */
export async function getLexiconWithEntries({
  id,
  access,
  db = getDb(),
}: {
  id: string;
  access: Access;
  db?: PrismaClient;
}) {
  const lexicon = await findLexicon(db, id);
  if (!lexicon) throw notFound('lexicon');
  const rows = await listLexiconEntries(db, id);
  const visible = rows.filter(
    (e) =>
      e.agencyId === null || (e.agency && seesLocalTerm(access, { id: e.agencyId, ancestorIds: e.agency.ancestorIds })),
  );
  const owners = new Map<string | null, boolean>();
  for (const e of visible) {
    const owner = ownerOf(e, lexicon);
    if (!owners.has(owner)) owners.set(owner, await isAdminOver(db, access, owner));
  }
  const entries = visible.map((e) => ({
    id: e.id,
    term: e.term,
    isActive: e.isActive,
    agencyName: e.agency?.name ?? null,
    canChange: owners.get(ownerOf(e, lexicon)) === true,
    ...editorData(e.data),
  }));
  return { lexicon: { id: lexicon.id, code: lexicon.code, name: lexicon.name, category: lexicon.category }, entries };
}

/**
 * Adds (or re-activates) a term; the next inspection uses it. Typo lexicons carry the correct form. An admin of
 * the lexicon's owner (or above) adds a lexicon-wide term; any other admin adds a local term of their highest
 * admin agency, scored only for accounts in that agency's subtree.
 */
export async function addLexiconTerm({
  access,
  input,
  db = getDb(),
}: {
  access: Access;
  input: unknown;
  db?: PrismaClient;
}) {
  assertAdmin(access);
  const data = addLexiconEntryInputSchema.parse(input);
  const lexicon = await findLexicon(db, data.lexiconId);
  if (!lexicon) throw notFound('lexicon');
  let agencyId: string | null = null;
  if (!(await isAdminOver(db, access, lexicon.ownerAgencyId))) {
    const owner = lexicon.ownerAgencyId;
    const home = (await adminHomeAgencies(db, access)).find((a) => owner === null || a.ancestorIds.includes(owner));
    if (!home) throw notFound('lexicon');
    agencyId = home.id;
  }
  return db.$transaction(async (tx) => {
    const entry = await addLexiconEntry(tx, data.lexiconId, agencyId, data.term, {
      ...(data.correct ? { correct: data.correct } : {}),
      ...(data.evasion ? { evasion: true } : {}),
      ...(data.titles?.length ? { titles: data.titles } : {}),
      ...(data.rank !== undefined ? { rank: data.rank } : {}),
    });
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'lexicon.add-term',
      entityType: 'lexicon',
      entityId: data.lexiconId,
      after: { ...data, agencyId },
    });
    return { ...entry, agencyId };
  });
}

/**
 * Enables or disables a term. Only admins of the term's owner or above: a county admin cannot switch off a
 * province-wide term (FORBIDDEN, they can see it) nor another county's local term (NOT_FOUND, they cannot).
 */
export async function toggleLexiconTerm({
  access,
  input,
  db = getDb(),
}: {
  access: Access;
  input: unknown;
  db?: PrismaClient;
}) {
  assertAdmin(access);
  const data = toggleLexiconEntryInputSchema.parse(input);
  const found = await findLexiconEntry(db, data.entryId);
  if (!found) throw notFound('lexicon');
  if (!(await isAdminOver(db, access, ownerOf(found, found.lexicon)))) {
    const visible =
      found.agencyId === null ||
      (found.agency !== null && seesLocalTerm(access, { id: found.agencyId, ancestorIds: found.agency.ancestorIds }));
    throw visible ? new AppError('FORBIDDEN', 'lexiconTermOutOfScope') : notFound('lexicon');
  }
  return db.$transaction(async (tx) => {
    const entry = await setLexiconEntryActive(tx, data.entryId, data.isActive);
    await recordAudit(tx, {
      actorId: access.userId,
      action: data.isActive ? 'lexicon.enable-term' : 'lexicon.disable-term',
      entityType: 'lexicon',
      entityId: entry.lexiconId,
      after: { term: entry.term, agencyId: entry.agencyId },
    });
    return { id: data.entryId };
  });
}
