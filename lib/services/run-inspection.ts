import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import {
  findInspectionForRun,
  listInspectableAccountIds,
  setInspectionProgress,
  setInspectionStatus,
} from '@/lib/data/inspection-run';
import { loadRecentTexts } from '@/lib/data/scoring-inputs';
import { createRandom } from '@/lib/random';
import { notFound } from '@/lib/errors';
import { nearDuplicateShares, readEdition } from '@/lib/scoring';
import { matchRepostTargets } from './match-repost-targets';
import { loadScoringContext } from './scoring-context';
import { loadBatchHistories, scoreHistories, writeBatchScores } from './score-account-batch';
import { DAY_MS } from '@/lib/time';

/** Accounts scored per batch; progress (n of N) is written after each one. */
const BATCH =
  Number(process.env.INSPECTION_BATCH_SIZE) > 0 ? Math.floor(Number(process.env.INSPECTION_BATCH_SIZE)) : 500;

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
export async function runInspection({
  db = getDb(),
  inspectionId,
  now,
  onPhase,
  batchSize = BATCH,
}: {
  db?: PrismaClient;
  inspectionId: string;
  now: Date;
  /** Told how long each phase took (ms), for benchmarks; phases repeat per batch and add up. */
  onPhase?: (phase: string, ms: number) => void;
  /** Accounts per batch (INSPECTION_BATCH_SIZE, default 500). */
  batchSize?: number;
}) {
  let mark = performance.now();
  const phase = (name: string) => {
    const t = performance.now();
    onPhase?.(name, t - mark);
    mark = t;
  };
  const inspection = await findInspectionForRun(db, inspectionId);
  if (!inspection) throw notFound('inspection', { inspectionId });
  const edition = readEdition(inspection.edition.catalogue);
  await setInspectionStatus(db, inspection.id, 'RUNNING', now);
  try {
    const all = await listInspectableAccountIds(db, inspection.scopeAgencyId, inspection.monitoringAt);
    const ids =
      inspection.scope === 'SAMPLE'
        ? sampleAccountIds(all, inspection.sampleRatio ?? 1, inspection.sampleSeed ?? 0)
        : all;
    await setInspectionProgress(db, inspection.id, 0, ids.length);
    phase('list accounts');
    const { ctx, contextFor, decisions } = await loadScoringContext(db, edition, inspection.monitoringAt, ids);
    const window = {
      asOf: inspection.monitoringAt,
      since: new Date(inspection.monitoringAt.getTime() - edition.veto.V2.windowDays * DAY_MS),
    };
    phase('scoring context');
    await matchRepostTargets(db, {
      accountIds: ids,
      postedSince: new Date(inspection.monitoringAt.getTime() - edition.contentWindowDays * DAY_MS),
    });
    phase('match repost targets');
    const texts = await loadRecentTexts(db, ids, window);
    phase('near duplicates: load texts');
    const duplicateShares = nearDuplicateShares(texts);
    phase('near duplicates: compute');
    const counts: Record<string, number> = {};
    const args = {
      db,
      inspectionId: inspection.id,
      editionId: inspection.edition.id,
      edition,
      ctx,
      contextFor,
      decisions,
      duplicateShares,
      now,
    };
    // A pipeline over the batches: while one batch is scored (CPU, this thread), the next one's facts are read and
    // the previous one's scores written (PostgreSQL, the other core). Writes stay in batch order, one at a time,
    // and progress counts only what is stored.
    const batches: string[][] = [];
    for (let i = 0; i < ids.length; i += batchSize) batches.push(ids.slice(i, i + batchSize));
    const quiet = <T>(p: Promise<T>) => {
      p.catch(() => undefined); // awaited below; this only keeps a rejection from counting as unhandled meanwhile
      return p;
    };
    const timed = async <T>(name: string, p: Promise<T>) => {
      const t = performance.now();
      const v = await p;
      onPhase?.(name, performance.now() - t);
      return v;
    };
    let next = batches[0]
      ? quiet(timed('batches: load histories (overlapped)', loadBatchHistories(args, batches[0])))
      : null;
    let writing: Promise<void> = Promise.resolve();
    let stored = 0;
    for (let b = 0; b < batches.length; b += 1) {
      const histories = await (next as Promise<Awaited<ReturnType<typeof loadBatchHistories>>>);
      phase('batches: waiting for reads');
      const upcoming = batches[b + 1];
      next = upcoming ? quiet(timed('batches: load histories (overlapped)', loadBatchHistories(args, upcoming))) : null;
      const scores = scoreHistories(args, histories);
      for (const s of scores) counts[s.score.result] = (counts[s.score.result] ?? 0) + 1;
      phase('batches: score (CPU)');
      await writing;
      phase('batches: waiting for writes');
      writing = quiet(
        timed('batches: write scores and findings (overlapped)', writeBatchScores(args, scores)).then(async () => {
          stored += scores.length;
          await setInspectionProgress(db, inspection.id, stored, ids.length);
        }),
      );
    }
    await writing;
    phase('batches: waiting for writes');
    await setInspectionStatus(db, inspection.id, 'DONE', new Date());
    return { inspectionId: inspection.id, accounts: ids.length, results: counts };
  } catch (error) {
    await setInspectionStatus(
      db,
      inspection.id,
      'FAILED',
      new Date(),
      error instanceof Error ? error.message : String(error),
    );
    throw error;
  }
}
