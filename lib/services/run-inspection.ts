import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { findInspectionForRun, listInspectableAccountIds, setInspectionStatus } from '@/lib/data/inspection-run';
import { loadRecentTexts } from '@/lib/data/scoring-inputs';
import { createRandom } from '@/lib/random';
import { notFound } from '@/lib/errors';
import { editionSchema, nearDuplicateShares } from '@/lib/scoring';
import { matchRepostTargets } from './match-repost-targets';
import { loadScoringContext } from './scoring-context';
import { scoreAccountBatch } from './score-account-batch';

const BATCH = 200;
const DAY_MS = 86_400_000;

/** A seeded, reproducible sample of `ratio` of the accounts (at least one). */
export function sampleAccountIds(ids: string[], ratio: number, seed: number): string[] {
  const r = createRandom(seed);
  const shuffled = [...ids];
  for (let i = shuffled.length - 1; i > 0; i -= 1) {
    const j = Math.floor(r.next() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
  }
  return shuffled.slice(0, Math.max(1, Math.ceil(ids.length * ratio))).sort();
}

/** Scores every account of an inspection's scope (or its sample) at the monitoring date; re-running replaces its scores. */
export async function runInspection({ db = getDb(), inspectionId, now }: { db?: PrismaClient; inspectionId: string; now: Date }) {
  const inspection = await findInspectionForRun(db, inspectionId);
  if (!inspection) throw notFound(`inspection ${inspectionId}`);
  const edition = editionSchema.parse(inspection.edition.catalogue);
  await setInspectionStatus(db, inspection.id, 'RUNNING', now);
  try {
    const all = await listInspectableAccountIds(db, inspection.scopeAgencyId, inspection.monitoringAt);
    const ids = inspection.scope === 'SAMPLE' ? sampleAccountIds(all, inspection.sampleRatio ?? 1, inspection.sampleSeed ?? 0) : all;
    const { ctx, decisions } = await loadScoringContext(db, edition, inspection.monitoringAt, ids);
    const window = { asOf: inspection.monitoringAt, since: new Date(inspection.monitoringAt.getTime() - edition.veto.V2.windowDays * DAY_MS) };
    await matchRepostTargets(db, { accountIds: ids, postedSince: new Date(inspection.monitoringAt.getTime() - edition.contentWindowDays * DAY_MS) });
    const duplicateShares = nearDuplicateShares(await loadRecentTexts(db, ids, window));
    const counts: Record<string, number> = {};
    for (let i = 0; i < ids.length; i += BATCH) {
      const scores = await scoreAccountBatch({
        db, inspectionId: inspection.id, editionId: inspection.edition.id, edition, ctx, decisions,
        accountIds: ids.slice(i, i + BATCH), duplicateShares, now,
      });
      for (const s of scores) counts[s.result] = (counts[s.result] ?? 0) + 1;
    }
    await setInspectionStatus(db, inspection.id, 'DONE', new Date());
    return { inspectionId: inspection.id, accounts: ids.length, results: counts };
  } catch (error) {
    await setInspectionStatus(db, inspection.id, 'FAILED', new Date(), error instanceof Error ? error.message : String(error));
    throw error;
  }
}
