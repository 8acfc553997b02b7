import { createHash } from 'node:crypto';
import type { Db, PrismaClient } from '@/lib/db/types';
import { insertEditionIfMissing, insertLexicon, listLexiconCodes, lockReferenceData } from '@/lib/data/scoring-config';
import { NATIONAL_2019, STARTER_LEXICONS, toStoredCatalogue } from '@/lib/scoring';
import { canonicalJson } from '@/lib/scoring/hash';
import { ensurePlatforms, type EnsurePlatformsSummary } from './ensure-platforms';

export type ReferenceDataSummary = { editionCreated: boolean; lexiconsCreated: string[] };

/**
 * Makes sure the built-in edition and each starter lexicon exist as data admins can edit. Only what is missing
 * (by code) is inserted; a stored edition or lexicon is never touched, so an administrator's edits survive
 * every deployment. Lexicons cannot be deleted in the product (terms are switched off), so re-inserting a
 * missing code never undoes an administrator's decision.
 */
export async function ensureScoringConfig(db: Db): Promise<ReferenceDataSummary> {
  const editionCreated = await insertEditionIfMissing(db, {
    code: NATIONAL_2019.code,
    name: NATIONAL_2019.name,
    catalogue: toStoredCatalogue(NATIONAL_2019),
  });
  const existing = await listLexiconCodes(db);
  const lexiconsCreated: string[] = [];
  for (const def of STARTER_LEXICONS) {
    if (existing.has(def.code)) continue;
    await insertLexicon(db, { ...def, entries: def.entries.map((e) => ({ term: e.term, data: e.data ?? {} })) });
    lexiconsCreated.push(def.code);
  }
  return { editionCreated, lexiconsCreated };
}

/**
 * The reference-data step of a deployment (`npm run db:reference`): one locked transaction, idempotent. `platforms`
 * are the crawler registry's rows (crawlers/registry.ts PLATFORM_ROWS; services cannot import crawlers).
 */
export async function ensureReferenceData({
  db,
  platforms = [],
}: {
  db: PrismaClient;
  platforms?: readonly unknown[];
}): Promise<ReferenceDataSummary & { platforms: EnsurePlatformsSummary }> {
  return db.$transaction(
    async (tx) => {
      await lockReferenceData(tx);
      const scoring = await ensureScoringConfig(tx);
      return { ...scoring, platforms: await ensurePlatforms({ db: tx, platforms }) };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** Changes whenever the built-in edition or a starter lexicon changes (the test template database is keyed on it). */
export function referenceDataFingerprint(): string {
  return createHash('sha256')
    .update(canonicalJson({ edition: NATIONAL_2019, lexicons: STARTER_LEXICONS }))
    .digest('hex')
    .slice(0, 12);
}
