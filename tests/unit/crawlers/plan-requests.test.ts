import { describe, expect, it } from 'vitest';
import {
  accountNeed,
  createCrawlState,
  DEFAULT_PLAN_CONFIG,
  planRequests,
  recordRead,
  type PlanConfig,
} from '@/crawlers/planning/plan-requests';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 2026-03-10 16:00 UTC is a Beijing midnight (verdict moment).
const MIDNIGHT = Date.UTC(2026, 2, 10, 16);
const config = (egresses = 1, minIntervalMs = 60_000, dailyBudget = Infinity): PlanConfig => ({
  ...DEFAULT_PLAN_CONFIG,
  hosts: [
    { name: 'weibo.com', minIntervalMs },
    { name: 'mp.weixin.qq.com', minIntervalMs },
  ],
  egresses: Array.from({ length: egresses }, (_, k) => ({ id: `e${k}`, dailyBudget })),
});

/** n accounts on host 0, all read `readAgoDays` ago with their last post `postAgoDays` before `now`. */
function accounts(n: number, now: number, readAgoDays: number, postAgoDays: number) {
  const s = createCrawlState(n);
  for (let i = 0; i < n; i++) recordRead(s, i, now - readAgoDays * DAY, true, now - postAgoDays * DAY);
  return s;
}

describe('planRequests', () => {
  it('reads never-read accounts first, and nothing for accounts whose last post is fresh', () => {
    const now = MIDNIGHT + 2 * HOUR;
    const s = accounts(4, now, 1, 2);
    s.readThrough[3] = Number.NaN;
    const plan = planRequests(s, now, HOUR, [0], config());
    expect([...plan.accounts]).toEqual([3]);
    expect(plan.deferred).toBe(0);
  });

  it('reads an account once its last seen post is 10 days old, not at day 9', () => {
    const now = MIDNIGHT + 2 * HOUR;
    const nine = accounts(1, now, 3, 9);
    const ten = accounts(1, now, 3, 10.05);
    expect(planRequests(nine, now, HOUR, [0], config()).accounts).toHaveLength(0);
    expect([...planRequests(ten, now, HOUR, [0], config()).accounts]).toEqual([0]);
  });

  it('reads a suspected veto after each Beijing midnight, never twice for the same moment, and not on the day before it turns suspected', () => {
    const c = config();
    const s = accounts(1, MIDNIGHT, 1, 20); // silent for 20 days, read yesterday
    const after = MIDNIGHT + HOUR;
    expect([...planRequests(s, after, HOUR, [0], c).accounts]).toEqual([0]);
    recordRead(s, 0, after, true, Number.NaN);
    expect(planRequests(s, after + HOUR, HOUR, [0], c).accounts).toHaveLength(0);
    expect(accountNeed(s, 0, after + HOUR, c).due).toBe(MIDNIGHT + DAY);

    // Last post 13.9 days old at 20:00 Beijing: it becomes suspected at the next midnight; reading now would mark
    // today read and miss a post later today, so the read waits for midnight.
    const evening = MIDNIGHT + 20 * HOUR;
    const soon = accounts(1, evening, 2, 13.9);
    expect(planRequests(soon, evening, HOUR, [0], c).accounts).toHaveLength(0);
    expect(accountNeed(soon, 0, evening, c).due).toBe(MIDNIGHT + DAY);
  });

  it('never leaves an account unread for the 14-day limit, even one that posts every day', () => {
    const c = config();
    const now = MIDNIGHT + 3 * HOUR;
    const s = accounts(1, now, 13.2, 13.3);
    s.lastPostSeen[0] = now - 0.5 * DAY; // a post seen (e.g. pinned refresh) does not excuse the read
    expect(accountNeed(s, 0, now, c).due).toBeLessThanOrEqual(s.readThrough[0]! + 13 * DAY);
    expect([...planRequests(s, now, HOUR, [0], c).accounts]).toEqual([0]);
  });

  it('keeps per-host politeness per egress and spreads requests over egresses', () => {
    const now = MIDNIGHT + 2 * HOUR;
    const s = accounts(100, now, 12, 12);
    for (let i = 50; i < 100; i++) s.host[i] = 1;
    const plan = planRequests(s, now, HOUR, [0, 0, 0], config(3, 10 * 60_000)); // 6 per hour per host per egress
    expect(plan.accounts).toHaveLength(36);
    for (const host of [0, 1]) {
      for (const e of [0, 1, 2]) {
        const times = [...plan.accounts]
          .map((a, j) => ({ a, j }))
          .filter(({ a, j }) => s.host[a] === host && plan.egress[j] === e)
          .map(({ j }) => plan.at[j]!)
          .sort((x, y) => x - y);
        expect(times).toHaveLength(6);
        times.slice(1).forEach((t, k) => expect(t - times[k]!).toBeGreaterThanOrEqual(10 * 60_000));
      }
    }
    expect(plan.deferred).toBe(64);
  });

  it('never exceeds an egress daily budget', () => {
    const now = MIDNIGHT + 2 * HOUR;
    const s = accounts(50, now, 12, 12);
    const plan = planRequests(s, now, HOUR, [95, 0], config(2, 60_000, 100));
    expect([...plan.egress].filter((e) => e === 0)).toHaveLength(5);
    expect([...plan.egress].filter((e) => e === 1)).toHaveLength(45);
  });

  it('under a short budget takes the nearest deadlines first, and accounts that fail often before steady ones', () => {
    const now = MIDNIGHT + 2 * HOUR;
    const s = createCrawlState(4);
    recordRead(s, 0, now - 3 * DAY, true, now - 10.1 * DAY);
    recordRead(s, 1, now - 3 * DAY, true, now - 12 * DAY);
    recordRead(s, 2, now - 3 * DAY, true, now - 10.1 * DAY);
    s.failScore[2] = 3; // failed three times lately
    recordRead(s, 3, now - 3 * DAY, true, now - 11 * DAY);
    const plan = planRequests(s, now, 2 * 60_000, [0], config(1, 60_000)); // room for 2
    expect([...plan.accounts].sort()).toEqual([1, 2]);
  });

  it('waits for the retry backoff after failures', () => {
    const c = config();
    const now = MIDNIGHT + 2 * HOUR;
    const s = accounts(1, now, 12, 12);
    recordRead(s, 0, now - 10 * 60_000, false, Number.NaN);
    recordRead(s, 0, now - 5 * 60_000, false, Number.NaN); // second failure: next try 60 min after it
    expect(planRequests(s, now, 30 * 60_000, [0], c).accounts).toHaveLength(0);
    expect(planRequests(s, now + HOUR, 30 * 60_000, [0], c).accounts).toHaveLength(1);
  });

  it('continues a slot planned before: takes only the politeness slots left and times requests after them', () => {
    const now = MIDNIGHT + 2 * HOUR;
    const s = accounts(10, now, 12, 12);
    // 3 per egress per 30 min; an earlier plan of this tick already took 2 on egress 0 and 3 on egress 1.
    const plan = planRequests(s, now, 30 * 60_000, [0, 0], config(2, 10 * 60_000), [[2, 3]]);
    expect([...plan.egress]).toEqual([0]);
    expect([...plan.at]).toEqual([now + 2 * 10 * 60_000]);
    expect(plan.deferred).toBe(9);
  });

  it('spends spare capacity on refresh reads after every needed read, within the refresh share of the budget', () => {
    const now = MIDNIGHT + 2 * HOUR;
    const c = { ...config(1, 10 * 60_000, 10), refreshMs: 6 * HOUR, refreshBudgetShare: 0.5 };
    const s = accounts(6, now, (7 * HOUR) / DAY, 1); // read 7 h ago, posted yesterday: no verdict needs them
    s.readThrough[5] = Number.NaN; // never read: needed
    const plan = planRequests(s, now, HOUR, [3], c); // 6 politeness slots, 7 requests of budget left
    expect(plan.accounts[0]).toBe(5);
    // Refresh reads stop at 5 spent (half the budget): 3 before + the needed read + 1 refresh.
    expect(plan.refreshes).toBe(1);
    expect(plan.accounts).toHaveLength(2);
    expect(plan.deferred).toBe(0);
    // Off by default: the simulation's planner reads only what verdicts need.
    expect(planRequests(s, now, HOUR, [3], config(1, 10 * 60_000, 10)).refreshes).toBe(0);
    // Never for an account waiting for a verdict midnight (it turns suspected at the next one).
    const evening = MIDNIGHT + 20 * HOUR;
    const soon = accounts(1, evening, 2, 13.9);
    expect(planRequests(soon, evening, HOUR, [0], { ...config(), refreshMs: HOUR }).accounts).toHaveLength(0);
  });
});
