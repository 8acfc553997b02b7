import type { PrismaClient } from '@/lib/db/types';
import { listSettleableScores, type AwaitingReadScore } from '@/lib/data/awaiting-read';
import { DAY_MS } from '@/lib/time';
import { recordAudit } from './record-audit';
import { rescoreAccounts } from './rescore-accounts';

/** How far back a monitoring date is still settled automatically (docs/scoring.md "Settling"). */
export const SETTLE_WINDOW_DAYS = 14;
/** Accounts re-scored per tick at most; the rest wait for the next tick (oldest monitoring date first). */
export const SETTLE_MAX_ACCOUNTS = 500;

export type SettleTarget = { inspectionId: string; accountIds: string[] };

/**
 * Which waiting scores to re-score now (pure): those whose account has since been read at or after the monitoring
 * date, and further than when they were scored (so a score the re-scoring could not decide is not picked again
 * until a newer read). At most `maxAccounts`, grouped by inspection in input order.
 */
export function pickSettleable(
  rows: ReadonlyArray<AwaitingReadScore & { readThrough: Date | null }>,
  maxAccounts: number,
): SettleTarget[] {
  const byInspection = new Map<string, string[]>();
  let picked = 0;
  for (const r of rows) {
    if (picked >= maxAccounts) break;
    if (!r.readThrough || r.readThrough < r.monitoringAt) continue;
    if (r.scoredReadThrough && r.readThrough <= r.scoredReadThrough) continue;
    byInspection.set(r.inspectionId, [...(byInspection.get(r.inspectionId) ?? []), r.accountId]);
    picked += 1;
  }
  return [...byInspection].map(([inspectionId, accountIds]) => ({ inspectionId, accountIds }));
}

/**
 * Re-scores the accounts of finished inspections that waited on a read (V2/D1/D5 NOT_READ_THROUGH, suspected V2) once
 * a crawl has read them up to the monitoring date, through the same per-account path as a review's re-scoring
 * (rescoreAccounts: reviews carry over by fingerprint, a suspected and a confirmed V2 are one finding). Idempotent:
 * a settled score no longer waits; one audit entry per inspection touched.
 */
export async function settleInspections({
  db,
  now,
  windowDays = SETTLE_WINDOW_DAYS,
  maxAccounts = SETTLE_MAX_ACCOUNTS,
}: {
  db: PrismaClient;
  now: Date;
  windowDays?: number;
  maxAccounts?: number;
}): Promise<{ inspections: number; accounts: number }> {
  const rows = await listSettleableScores(db, {
    since: new Date(now.getTime() - windowDays * DAY_MS),
    until: now,
    limit: maxAccounts,
  });
  const targets = pickSettleable(rows, maxAccounts);
  let accounts = 0;
  for (const t of targets) {
    const n = await rescoreAccounts({
      db,
      targets: t.accountIds.map((accountId) => ({ inspectionId: t.inspectionId, accountId })),
      now,
    });
    if (n === 0) continue; // the inspection is being re-run (not DONE): that run decides them
    accounts += n;
    await recordAudit(db, {
      actorId: null,
      action: 'inspection.settle',
      entityType: 'inspection',
      entityId: t.inspectionId,
      after: { accountIds: t.accountIds },
      ip: null,
    });
  }
  return { inspections: targets.length, accounts };
}
