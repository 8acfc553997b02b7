import type { Db } from '@/lib/db/types';
import { listCrawlPlanRows, type CrawlPlanRowDto } from '@/lib/data/crawl-plan-state';

export type { CrawlPlanRowDto };

/** The crawl planner's view of every crawlable account: platform, last read, newest post, failures (crawl history since `since`). */
export const loadCrawlPlanState = (
  db: Db,
  query: { since: Date; platformCodes?: readonly string[] },
): Promise<CrawlPlanRowDto[]> => listCrawlPlanRows(db, query);
