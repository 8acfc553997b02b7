import type { CrawlPlanRowDto } from '@/lib/services/load-crawl-plan-state';
import { createCrawlState, type CrawlState } from './plan-requests';

const ms = (d: Date | null): number => (d === null ? Number.NaN : d.getTime());

/** The planner's typed-array state from the database rows; `hosts` lists the platform codes (index = host). */
export function crawlStateFromRows(rows: readonly CrawlPlanRowDto[], hosts: readonly string[]): CrawlState {
  const hostIndex = new Map(hosts.map((code, h) => [code, h]));
  const s = createCrawlState(rows.length);
  rows.forEach((r, i) => {
    const h = hostIndex.get(r.platformCode);
    if (h === undefined) throw new Error(`platform ${r.platformCode} is not a planned host`);
    s.host[i] = h;
    s.readThrough[i] = ms(r.readThrough);
    s.lastPostSeen[i] = ms(r.lastPostAt);
    s.failures[i] = Math.min(65_535, r.failures);
    s.failScore[i] = r.failScore;
    s.lastAttemptAt[i] = ms(r.lastAttemptAt);
  });
  return s;
}
