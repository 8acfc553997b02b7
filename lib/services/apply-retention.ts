import {
  countCommentsHeldByFindings,
  deleteOldSnapshots,
  deleteUnheldComments,
  dropCommentPartition,
  earliestOpenInspectionAt,
  listMonthPartitions,
} from '@/lib/data/partitions';
import type { PrismaClient } from '@/lib/db/types';
import { DAY_MS, shanghaiDay, shanghaiDayStart } from '@/lib/time';
import { addMonths } from './maintain-partitions';

export const DEFAULT_COMMENT_RETENTION_MONTHS = 24;
export const DEFAULT_SNAPSHOT_RETENTION_MONTHS = 24;
/** An open inspection may read this far back (an annual assessment reads a year); nothing it may read is deleted. */
export const OPEN_INSPECTION_LOOKBACK_DAYS = 400;
const SNAPSHOT_BATCH = 10_000;

export type RetentionSettings = { commentMonths: number; snapshotMonths: number };

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** COMMENT_RETENTION_MONTHS and SNAPSHOT_RETENTION_MONTHS, positive whole numbers; anything else is the default. */
export function retentionSettings(env: Record<string, string | undefined>): RetentionSettings {
  return {
    commentMonths: positive(env.COMMENT_RETENTION_MONTHS, DEFAULT_COMMENT_RETENTION_MONTHS),
    snapshotMonths: positive(env.SNAPSHOT_RETENTION_MONTHS, DEFAULT_SNAPSHOT_RETENTION_MONTHS),
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
 * Deletes history past its retention (docs/retention.md). Comments: a monthly partition wholly before the cutoff is
 * detached and dropped when no row anywhere references it; otherwise (and in the DEFAULT partition) its rows first
 * seen before the cutoff go in one DELETE, except those a finding points at. Snapshots: taken before the cutoff, not a
 * finding's evidence, not their account's latest, deleted in batches. Raw answers have their own job
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
  return {
    commentCutoff: commentCutoff.toISOString(),
    snapshotCutoff: snapshotCutoff.toISOString(),
    droppedPartitions,
    commentsDeleted,
    snapshotsDeleted,
  };
}
