import type { Db } from '@/lib/db/types';
import { setNextCrawlAt } from '@/lib/data/crawl-targets';

/**
 * Moves the accounts' next crawl to `at`; returns how many accounts were updated. The worker's schedule no longer
 * reads it (the crawl planner decides, crawlers/jobs/enqueue-due-crawls.ts); `xunjian crawl --once` still does.
 */
export const scheduleNextCrawl = (db: Db, accountIds: string[], at: Date): Promise<number> =>
  setNextCrawlAt(db, accountIds, at);
