import type { PrismaClient } from '@/lib/db/types';
import {
  listReparseRuns,
  listRunExchangesWithBodies,
  listScoredInspectionsSince,
  type ReparseRunRow,
  type RunExchangeDto,
} from '@/lib/data/raw-archive';
import { replayInputSchema, snapshotInputSchema, type ReplayInput, type SnapshotInput } from '@/lib/schemas/snapshot';
import { ingestSnapshot, snapshotDigest } from './ingest-snapshot';
import { loadCrawlTarget, type PlannedTarget } from './plan-crawl';
import { rescoreAccounts } from './rescore-accounts';

export type ReparseRefusal =
  'NO_REPLAY_INPUT' | 'CAPTURE_INCOMPLETE' | 'NOT_IN_ARCHIVE' | 'ACCOUNT_GONE' | 'NO_CRAWLER' | 'CRAWL_FAILED';

export type ReparseRunOutcome =
  | { runId: string; accountId: string; status: 'CHANGED' | 'UNCHANGED' }
  | { runId: string; accountId: string; status: 'REFUSED'; reason: ReparseRefusal; detail: string };

export type ReparseSummary = {
  runs: ReparseRunOutcome[];
  changed: number;
  unchanged: number;
  refused: number;
  rescored: number;
};

/** What the worker needs to re-derive one run offline: the run, its account as a target, its replay input and answers. */
export type ReparseInput = {
  run: ReparseRunRow;
  target: PlannedTarget;
  replay: ReplayInput;
  exchanges: RunExchangeDto[];
};

/** Re-runs the crawler over the archived answers (crawlers/jobs/reparse-runs.ts): a snapshot, or why it cannot. */
export type Rederive = (
  input: ReparseInput,
) => Promise<{ snapshot: SnapshotInput } | { refused: ReparseRefusal; detail: string }>;

/**
 * Re-derives the snapshots of finished runs fetched since `since` with `rederive`, stores those that differ from
 * the stored reading (same slot, reparse mode) and re-scores the finished inspections whose inputs changed. A
 * refused run writes nothing.
 */
export async function reparseRuns(args: {
  db: PrismaClient;
  since: Date;
  platform?: string;
  now: () => Date;
  rederive: Rederive;
}): Promise<ReparseSummary> {
  const runs = await listReparseRuns(args.db, { since: args.since, platform: args.platform });
  const outcomes: ReparseRunOutcome[] = [];
  const toRescore = new Map<string, { inspectionId: string; accountId: string }>();
  for (const run of runs) {
    const outcome = await reparseRun(args, run);
    outcomes.push(outcome);
    if (outcome.status !== 'CHANGED') continue;
    for (const inspectionId of await listScoredInspectionsSince(args.db, run.accountId, run.fetchedAt)) {
      toRescore.set(`${inspectionId}:${run.accountId}`, { inspectionId, accountId: run.accountId });
    }
  }
  const rescored =
    toRescore.size > 0 ? await rescoreAccounts({ db: args.db, targets: [...toRescore.values()], now: args.now() }) : 0;
  const count = (s: ReparseRunOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return {
    runs: outcomes,
    changed: count('CHANGED'),
    unchanged: count('UNCHANGED'),
    refused: count('REFUSED'),
    rescored,
  };
}

async function reparseRun(
  args: { db: PrismaClient; now: () => Date; rederive: Rederive },
  run: ReparseRunRow,
): Promise<ReparseRunOutcome> {
  const base = { runId: run.id, accountId: run.accountId };
  const refuse = (reason: ReparseRefusal, detail: string): ReparseRunOutcome => ({
    ...base,
    status: 'REFUSED',
    reason,
    detail,
  });
  const replay = replayInputSchema.safeParse(run.replayInput);
  if (!run.replayInput || !replay.success) return refuse('NO_REPLAY_INPUT', 'run crawled before the raw archive');
  if (!replay.data.captureComplete) return refuse('CAPTURE_INCOMPLETE', 'some answers were beyond the capture bound');
  const target = await loadCrawlTarget(args.db, run.accountId);
  if (typeof target === 'string') return refuse('ACCOUNT_GONE', 'account or platform not found');
  const result = await args.rederive({
    run,
    target,
    replay: replay.data,
    exchanges: await listRunExchangesWithBodies(args.db, run.id),
  });
  if ('refused' in result) return refuse(result.refused, result.detail);
  const derived: SnapshotInput = { ...result.snapshot, accountId: run.accountId };
  if (snapshotDigest(snapshotInputSchema.parse(derived)) === run.snapshotDigest)
    return { ...base, status: 'UNCHANGED' };
  await ingestSnapshot(args.db, derived, {
    now: args.now(),
    slotKey: run.slotKey,
    startedAt: run.startedAt ?? run.fetchedAt,
    mode: 'reparse',
  });
  return { ...base, status: 'CHANGED' };
}
