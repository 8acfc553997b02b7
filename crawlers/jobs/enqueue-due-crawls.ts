import type { PgBoss } from 'pg-boss';
import type { PrismaClient } from '@/lib/db/types';
import { listDueCrawlTargets, setNextCrawlAt } from '@/lib/data/crawl-targets';
import { sendCrawlJobs } from '../queue';
import { DEFAULT_CRAWL_INTERVAL_MS } from './crawl-account';
import { logJob } from './log';
import { slotStart } from './slots';

const PAGE = 1000;

export type EnqueueSummary = { slot: string; due: number; enqueued: number };

/**
 * Enqueues one crawl job per due account for the slot of `now`. Job ids come from account + slot, so a
 * repeated tick or a second scheduler inserts nothing; the account's next crawl moves one interval ahead.
 */
export async function runEnqueueDueCrawls({
  now,
  db,
  boss,
  limit = Number.POSITIVE_INFINITY,
  crawlIntervalMs = DEFAULT_CRAWL_INTERVAL_MS,
  platformCodes,
}: {
  now: Date;
  db: PrismaClient;
  boss: PgBoss;
  limit?: number;
  crawlIntervalMs?: number;
  /** Only these platforms (WORKER_CRAWL_PLATFORMS); all when absent. */
  platformCodes?: readonly string[];
}): Promise<EnqueueSummary> {
  const started = Date.now();
  const slot = slotStart(now);
  let due = 0;
  let enqueued = 0;
  let afterId: string | undefined;
  while (due < limit) {
    const page = await listDueCrawlTargets(db, { at: slot, limit: Math.min(PAGE, limit - due), afterId, platformCodes });
    if (page.length === 0) break;
    const ids = page.map((t) => t.accountId);
    enqueued += await sendCrawlJobs(boss, ids, slot);
    await setNextCrawlAt(db, ids, new Date(slot.getTime() + crawlIntervalMs));
    due += page.length;
    afterId = ids.at(-1);
  }
  const summary = { slot: slot.toISOString(), due, enqueued };
  logJob({ job: 'enqueue-due-crawls', kind: 'OK', ms: Date.now() - started, ...summary });
  return summary;
}
