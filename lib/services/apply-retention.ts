import { deleteFinishedDeliveries } from '@/lib/data/deliveries';
import {
  countCommentsHeldByFindings,
  deleteOldSnapshots,
  deleteUnheldComments,
  dropCommentPartition,
  earliestOpenInspectionAt,
  listMonthPartitions,
} from '@/lib/data/partitions';
import type { PrismaClient } from '@/lib/db/types';
import { addBeijingDays, DAY_MS, shanghaiDay, shanghaiDayStart } from '@/lib/time';
import { addMonths } from './maintain-partitions';

export const DEFAULT_COMMENT_RETENTION_MONTHS = 24;
export const DEFAULT_SNAPSHOT_RETENTION_MONTHS = 24;
/** Half a year of notification deliveries: enough to answer "was I told about this?" for a recent rectification. */
export const DEFAULT_DELIVERY_RETENTION_DAYS = 180;
/** An open inspection may read this far back (an annual assessment reads a year); nothing it may read is deleted. */
export const OPEN_INSPECTION_LOOKBACK_DAYS = 400;
const SNAPSHOT_BATCH = 10_000;
const DELIVERY_BATCH = 10_000;

export type RetentionSettings = { commentMonths: number; snapshotMonths: number; deliveryDays: number };

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/**
 * COMMENT_RETENTION_MONTHS, SNAPSHOT_RETENTION_MONTHS and DELIVERY_RETENTION_DAYS, positive whole numbers; anything
 * else (`0`, `off`, empty) is the default: retention cannot be switched off, only lengthened.
 */
export function retentionSettings(env: Record<string, string | undefined>): RetentionSettings {
  return {
    commentMonths: positive(env.COMMENT_RETENTION_MONTHS, DEFAULT_COMMENT_RETENTION_MONTHS),
    snapshotMonths: positive(env.SNAPSHOT_RETENTION_MONTHS, DEFAULT_SNAPSHOT_RETENTION_MONTHS),
    deliveryDays: positive(env.DELIVERY_RETENTION_DAYS, DEFAULT_DELIVERY_RETENTION_DAYS),
  };
}

/**
 * The instant before which rows may go: the start of the Asia/Shanghai month `months` before the month of `now`, but
 * never later than OPEN_INSPECTION_LOOKBACK_DAYS before the monitoring date of an inspection still open.
 */
export function retentionCutoff(now: Date, months: number, openInspectionAt: Date | null): Date {
  const byAge = shanghaiDayStart(`${addMonths(shanghaiDay(now).slice(0, 7), -months)}-01`);
  if (!openInspectionAt) return byAge;
  const byInspection = new Date(openInspectionAt.getTime() - OPEN_INSPECTION_LOOKBACK_DAYS * DAY_MS);
  return byInspection < byAge ? byInspection : byAge;
}

/**
 * The instant before which finished deliveries may go: 00:00 Asia/Shanghai of the day `days` before the Beijing day
 * of `now`, so a delivery finished at 23:59 of the day before goes and one finished at 00:01 of that day stays. Open
 * inspections do not move it: deliveries are no evidence.
 */
export function deliveryRetentionCutoff(now: Date, days: number): Date {
  return shanghaiDayStart(addBeijingDays(shanghaiDay(now), -days));
}

/**
 * Deletes history past its retention (docs/retention.md). Comments: a monthly partition wholly before the cutoff is
 * detached and dropped when no row anywhere references it; otherwise (and in the DEFAULT partition) its rows first
 * seen before the cutoff go in one DELETE, except those a finding points at. Snapshots: taken before the cutoff, not a
 * finding's evidence, not their account's latest, deleted in batches. Notification deliveries: SENT or DEAD, finished
 * before the day cutoff, deleted in batches; PENDING, QUEUED and RETRYING ones never. Raw answers have their own job
 * (prune-raw-archive).
 */
export async function applyRetention({
  db,
  now,
  settings,
}: {
  db: PrismaClient;
  now: Date;
  settings: RetentionSettings;
}) {
  const openAt = await earliestOpenInspectionAt(db);
  const commentCutoff = retentionCutoff(now, settings.commentMonths, openAt);
  const snapshotCutoff = retentionCutoff(now, settings.snapshotMonths, openAt);
  const cutoffMonth = shanghaiDay(commentCutoff).slice(0, 7);

  const droppedPartitions: string[] = [];
  let commentsDeleted = 0;
  for (const p of await listMonthPartitions(db, 'comment')) {
    // Partition months are the months rows were first stored, so a whole month before the cutoff's month is past it.
    if (p.month >= cutoffMonth) continue;
    if ((await countCommentsHeldByFindings(db, p.name)) === 0 && (await dropCommentPartition(db, p.name))) {
      droppedPartitions.push(p.name);
      continue;
    }
    commentsDeleted += await deleteUnheldComments(db, p.name, commentCutoff);
  }
  commentsDeleted += await deleteUnheldComments(db, 'comment_default', commentCutoff);

  let snapshotsDeleted = 0;
  for (;;) {
    const n = await deleteOldSnapshots(db, snapshotCutoff, SNAPSHOT_BATCH);
    snapshotsDeleted += n;
    if (n < SNAPSHOT_BATCH) break;
  }

  const deliveryCutoff = deliveryRetentionCutoff(now, settings.deliveryDays);
  let deliveriesDeleted = 0;
  for (;;) {
    const n = await deleteFinishedDeliveries(db, deliveryCutoff, DELIVERY_BATCH);
    deliveriesDeleted += n;
    if (n < DELIVERY_BATCH) break;
  }
  return {
    commentCutoff: commentCutoff.toISOString(),
    snapshotCutoff: snapshotCutoff.toISOString(),
    deliveryCutoff: deliveryCutoff.toISOString(),
    droppedPartitions,
    commentsDeleted,
    snapshotsDeleted,
    deliveriesDeleted,
  };
}
