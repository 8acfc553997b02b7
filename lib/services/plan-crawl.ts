import type { Db } from '@/lib/db/types';
import {
  findCrawlTarget,
  findLastCoveredDay,
  isAccountClosedAt,
  listKnownPostIds,
  type CrawlTargetDto,
} from '@/lib/data/crawl-targets';
import { platformCodeSchema, type PlatformCode } from '@/lib/schemas/enums';
import { addBeijingDays, DAY_MS, shanghaiDay, shanghaiDayStart } from '@/lib/time';

export const BACKFILL_DAYS = 60;
/** Days every crawl re-reads, so edits and deletions of the last week are seen (a post missing from them is checked). */
export const REREAD_DAYS = 7;

/** A monitored account on a platform this build knows. */
export type PlannedTarget = Omit<CrawlTargetDto, 'platform'> & { platform: PlatformCode };

export type CrawlPlan =
  | { status: 'SKIPPED'; reason: 'ACCOUNT_NOT_FOUND' | 'UNKNOWN_PLATFORM' | 'ACCOUNT_CLOSED' }
  | { status: 'DUE'; target: PlannedTarget; since: Date; knownPostIds: string[] };

/**
 * Start of the window to fetch: the last fully covered day or REREAD_DAYS back, whichever is earlier (re-read for
 * late edits and deletions), at most BACKFILL_DAYS back.
 */
export function crawlSince(now: Date, lastCoveredDay: string | null): Date {
  const floor = new Date(now.getTime() - BACKFILL_DAYS * DAY_MS);
  if (!lastCoveredDay) return floor;
  const reread = shanghaiDayStart(addBeijingDays(shanghaiDay(now), -REREAD_DAYS));
  const lastCovered = shanghaiDayStart(lastCoveredDay);
  const start = lastCovered < reread ? lastCovered : reread;
  return start < floor ? floor : start;
}

/** The account as a crawl target, or why there is none (unknown account, or a platform code this build does not know). */
export async function loadCrawlTarget(
  db: Db,
  accountId: string,
): Promise<PlannedTarget | 'ACCOUNT_NOT_FOUND' | 'UNKNOWN_PLATFORM'> {
  const target = await findCrawlTarget(db, accountId);
  if (!target) return 'ACCOUNT_NOT_FOUND';
  const platform = platformCodeSchema.safeParse(target.platform);
  return platform.success ? { ...target, platform: platform.data } : 'UNKNOWN_PLATFORM';
}

/**
 * What one crawl of the account at `now` reads: the target, the window start (crawlSince) and the posts stored for
 * the window (so a crawler that reads the whole window can tell which ones were deleted upstream). A closed account
 * (at or before `now`) is skipped, even from an older queued job.
 */
export async function planCrawl({ db, accountId, now }: { db: Db; accountId: string; now: Date }): Promise<CrawlPlan> {
  const target = await loadCrawlTarget(db, accountId);
  if (typeof target === 'string') return { status: 'SKIPPED', reason: target };
  if (await isAccountClosedAt(db, accountId, now)) return { status: 'SKIPPED', reason: 'ACCOUNT_CLOSED' };
  const since = crawlSince(now, await findLastCoveredDay(db, accountId));
  return { status: 'DUE', target, since, knownPostIds: await listKnownPostIds(db, accountId, since, now) };
}
