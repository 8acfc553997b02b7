import type { Db } from '@/lib/db/types';
import { pruneRawResponses } from '@/lib/data/raw-archive';
import { DAY_MS } from '@/lib/time';

export const DEFAULT_RAW_ARCHIVE_RETENTION_DAYS = 400;

/** RAW_ARCHIVE_RETENTION_DAYS, a positive whole number of days; anything else is the default. */
export function rawArchiveRetentionDays(env: Record<string, string | undefined>): number {
  const days = Number(env.RAW_ARCHIVE_RETENTION_DAYS);
  return Number.isInteger(days) && days > 0 ? days : DEFAULT_RAW_ARCHIVE_RETENTION_DAYS;
}

/** Deletes archived answers not seen for `retentionDays`; runs that used them can then no longer be re-parsed. */
export async function pruneRawArchive({
  db,
  now,
  retentionDays,
}: {
  db: Db;
  now: Date;
  retentionDays: number;
}): Promise<{ deleted: number; before: string }> {
  const before = new Date(now.getTime() - retentionDays * DAY_MS);
  return { deleted: await pruneRawResponses(db, before), before: before.toISOString() };
}
