import type { PgBoss } from 'pg-boss';
import type { PrismaClient } from '@/lib/db/types';
import { loadCrawlPlanState } from '@/lib/services/load-crawl-plan-state';
import { parsePlanEnv, planConfigFor, type PlanEnv } from '../planning/plan-config';
import { lastVerdictMoment, planRequests } from '../planning/plan-requests';
import { crawlStateFromRows } from '../planning/plan-state';
import { listCrawlJobsForPlan, sendPlannedCrawlJobs, type PlannedCrawlJob } from '../queue';
import { logJob } from './log';
import { CRAWL_SLOT_MS, slotStart } from './slots';

const DAY_MS = 86_400_000;

/** The planner the worker runs; `npm run bench:schedule` simulates this very function (it imports it from here). */
export const CRAWL_PLANNER = planRequests;

export type EnqueueSummary = {
  slot: string;
  /** Accounts a verdict needs read now (planned or deferred); refresh reads apart. */
  due: number;
  /** Jobs inserted by this tick (0 when the slot was already planned). */
  enqueued: number;
  /** Due accounts left for a later slot: politeness or egress budget spent. */
  deferred: number;
  /** Refresh reads in this tick's plan (spare capacity, CRAWL_REFRESH_HOURS). */
  refreshes: number;
  /** Accounts skipped because a crawl job of theirs is still open (created, retry, active). */
  inFlight: number;
  /** Requests planned per egress identity today (this Beijing day), this tick included. */
  egressToday: Record<string, number>;
};

/**
 * Plans the crawls of the slot of `now` with the crawl planner (crawlers/planning/plan-requests.ts) and enqueues
 * them: most urgent first (never read, suspected V2 vetoes after the verdict midnight, last post 10+ days old,
 * accounts whose crawls fail often earlier), never more than one request per host per egress identity per
 * politeness interval (each job waits for its planned time) nor past an egress's daily budget. Job ids come from
 * account + slot and a re-plan of the same slot counts what the slot already holds, so a repeated tick or a second
 * scheduler inserts nothing twice; an account with an open job is not planned again.
 */
export async function runEnqueueDueCrawls({
  now,
  db,
  boss,
  platformCodes,
  planEnv = parsePlanEnv(),
}: {
  now: Date;
  db: PrismaClient;
  boss: PgBoss;
  /** Only these platforms (WORKER_CRAWL_PLATFORMS); all when absent. */
  platformCodes?: readonly string[];
  /** Egress identities, budgets and politeness (CRAWL_* settings, docs/deployment.md); from process.env when absent. */
  planEnv?: PlanEnv;
}): Promise<EnqueueSummary> {
  const started = Date.now();
  const slot = slotStart(now);
  const slotMs = slot.getTime();
  const slotIso = slot.toISOString();
  const dayStart = lastVerdictMoment(slotMs);
  const dayStartIso = new Date(dayStart).toISOString();
  const [rows, jobs] = await Promise.all([
    loadCrawlPlanState(db, { since: new Date(slotMs - planEnv.CRAWL_LIMIT_DAYS * DAY_MS), platformCodes }),
    listCrawlJobsForPlan(boss, new Date(dayStart)),
  ]);
  const hosts = [...new Set(rows.map((r) => r.platformCode))].sort();
  const config = planConfigFor(hosts, planEnv);
  const hostOf = new Map(rows.map((r) => [r.accountId, hosts.indexOf(r.platformCode)]));
  const egressIndex = new Map(config.egresses.map((e, k) => [e.id, k]));

  // Open jobs (any slot) and this slot's jobs (any state) are not planned again; this slot's jobs keep their
  // politeness slots, and every job of today counts against its egress's daily budget.
  const skip = new Set<string>();
  const open = new Set<string>();
  const spentToday = config.egresses.map(() => 0);
  const usedInTick = hosts.map(() => config.egresses.map(() => 0));
  for (const job of jobs) {
    if (job.isOpen && job.slot !== slotIso) open.add(job.accountId);
    if (job.isOpen || job.slot === slotIso) skip.add(job.accountId);
    const k = job.egress === null ? undefined : egressIndex.get(job.egress);
    if (k === undefined || job.slot < dayStartIso) continue;
    spentToday[k]!++;
    const h = hostOf.get(job.accountId);
    if (job.slot === slotIso && h !== undefined && h >= 0) usedInTick[h]![k]!++;
  }
  const plannable = rows.filter((r) => !skip.has(r.accountId));
  const inFlight = rows.reduce((n, r) => n + (open.has(r.accountId) ? 1 : 0), 0);
  const state = crawlStateFromRows(plannable, hosts);
  const plan = CRAWL_PLANNER(state, slotMs, CRAWL_SLOT_MS, spentToday, config, usedInTick);

  const planned: PlannedCrawlJob[] = Array.from(plan.accounts, (i, j) => ({
    accountId: plannable[i]!.accountId,
    egress: config.egresses[plan.egress[j]!]!.id,
    startAfter: new Date(plan.at[j]!),
  }));
  const enqueued = await sendPlannedCrawlJobs(boss, planned, slot);
  for (const j of plan.egress) spentToday[j]!++;
  const summary: EnqueueSummary = {
    slot: slotIso,
    due: plan.accounts.length - plan.refreshes + plan.deferred,
    enqueued,
    deferred: plan.deferred,
    refreshes: plan.refreshes,
    inFlight,
    egressToday: Object.fromEntries(config.egresses.map((e, k) => [e.id, spentToday[k]!])),
  };
  logJob({ job: 'enqueue-due-crawls', kind: 'OK', ms: Date.now() - started, ...summary });
  return summary;
}
