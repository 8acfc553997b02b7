// Crawl planning for a whole country: which accounts to read in the next tick, on which egress identity, under
// per-host politeness and per-egress daily budgets. Pure (clock and state passed in, typed arrays so that 700 000
// accounts plan in milliseconds); the simulation in scripts/bench/schedule-sim.ts runs this exact code.
// Why it beats an interval scheduler (docs/benchmarks.md "Crawl scheduler"): V2 (no update in 14 days) is decided
// either by a post seen inside the window or by every day of the window read. An account that posts needs one read
// before its last seen post turns 14 days old; an account already silent that long needs a read after every verdict
// moment. Everything else is budget that an interval scheduler spends evenly and this one spends where a verdict
// would otherwise be INSUFFICIENT_DATA.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Asia/Shanghai is UTC+8 all year: a Beijing day starts at 16:00 UTC. */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

export type HostPoliteness = {
  name: string;
  /** one request per this many ms per egress identity */ minIntervalMs: number;
};
export type Egress = {
  id: string;
  /** requests per Beijing day over all hosts; Infinity when the identity is unmetered */ dailyBudget: number;
};

export type PlanConfig = {
  hosts: readonly HostPoliteness[];
  egresses: readonly Egress[];
  /** V2 window (edition veto V2.windowDays). */
  limitDays: number;
  /** An account whose last seen post is this old is read (day 10 of 14). */
  urgentFromDays: number;
  /** Between urgentFromDays and limitDays, a silent account is read again at most this often. */
  rereadMs: number;
  /** Verdicts are taken at each Beijing midnight and must be decided within this grace (the morning report). */
  verdictGraceMs: number;
  /** Each point of failScore moves the account's due time and deadline this much earlier (flaky accounts start early). */
  failurePenaltyMs: number;
  /** First retry after a failure; doubles per consecutive failure up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /**
   * Spare capacity: an account not read for this long is read even when no verdict needs it (fresh posts for the
   * dashboard and the other indicators), after every needed read of the tick, never for an account waiting for a
   * verdict midnight. Infinity = off.
   */
  refreshMs: number;
  /** Refresh reads stop once an egress has spent this share of its daily budget (the rest is kept for needed reads). */
  refreshBudgetShare: number;
};

export const DEFAULT_PLAN_CONFIG: Omit<PlanConfig, 'hosts' | 'egresses'> = {
  limitDays: 14,
  urgentFromDays: 10,
  rereadMs: 2 * DAY_MS,
  verdictGraceMs: 12 * HOUR_MS,
  failurePenaltyMs: 12 * HOUR_MS,
  retryBaseMs: 30 * 60_000,
  retryMaxMs: 6 * HOUR_MS,
  refreshMs: Infinity,
  refreshBudgetShare: 0.5,
};

/** What the planner knows of each account (index = account). Times are epoch ms; NaN = never. */
export type CrawlState = {
  count: number;
  host: Uint8Array;
  /** End of the contiguous stretch read successfully (every post up to here is known). */
  readThrough: Float64Array;
  /** Newest post seen by the reads. */
  lastPostSeen: Float64Array;
  /** Consecutive failed attempts since the last success (retry backoff). */
  failures: Uint16Array;
  /** How often this account's crawls fail: +1 per failure, ×0.8 per success (moves its reads earlier). */
  failScore: Float32Array;
  lastAttemptAt: Float64Array;
};

export function createCrawlState(count: number): CrawlState {
  return {
    count,
    host: new Uint8Array(count),
    readThrough: new Float64Array(count).fill(Number.NaN),
    lastPostSeen: new Float64Array(count).fill(Number.NaN),
    failures: new Uint16Array(count),
    failScore: new Float32Array(count),
    lastAttemptAt: new Float64Array(count).fill(Number.NaN),
  };
}

export type Plan = {
  /** Accounts to read, most urgent first per host. */
  accounts: Int32Array;
  egress: Uint16Array;
  /** When to send each request inside the tick (politeness spacing per host and egress). */
  at: Float64Array;
  /** Eligible accounts left for a later tick because the budget was spent (0 = the plan kept up); refresh reads apart. */
  deferred: number;
  /** How many of `accounts` are refresh reads (spare capacity, refreshMs), not needed by a verdict. */
  refreshes: number;
};

/** The latest Beijing midnight at or before `now`. */
export const lastVerdictMoment = (now: number): number =>
  Math.floor((now + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;

// Scratch results of need(): the planner calls it 700 000 times per tick, so it allocates nothing.
let needDue = 0;
let needDeadline = 0;
let needRefreshAt = Infinity;

function need(s: CrawlState, i: number, now: number, c: PlanConfig): void {
  const read = s.readThrough[i]!;
  if (Number.isNaN(read)) {
    needDue = -Infinity; // never read: first
    needDeadline = -Infinity;
    needRefreshAt = Infinity;
    return;
  }
  const seen = s.lastPostSeen[i]!;
  const limit = c.limitDays * DAY_MS;
  const staleFrom = Number.isNaN(seen) ? -Infinity : seen + limit; // the verdict moment from which a veto is pending
  const moment = lastVerdictMoment(now);
  const isSuspected = staleFrom <= moment;
  let waitsForMidnight = isSuspected;
  let due: number;
  let deadline: number;
  if (isSuspected) {
    // Suspected veto: only a read after the moment can decide it (every day of the window read).
    due = read >= moment ? moment + DAY_MS : moment;
    deadline = due + c.verdictGraceMs;
  } else {
    // The last seen post still decides V2; read once it is urgentFromDays old, and again every rereadMs.
    due = Math.max(seen + c.urgentFromDays * DAY_MS, read + c.rereadMs);
    deadline = staleFrom;
    // Hard floor: nobody goes unread for limitDays.
    due = Math.min(due, read + (c.limitDays - 1) * DAY_MS);
    deadline = Math.min(deadline, read + limit);
    if (staleFrom <= moment + DAY_MS) {
      // Suspected from the next midnight on: a read today would mark today read (the day of a read counts, see
      // coveredDays in ingest-snapshot.ts) yet miss a post later today, so read right after midnight instead.
      due = Math.max(due, moment + DAY_MS);
      deadline = moment + DAY_MS + c.verdictGraceMs;
      waitsForMidnight = true;
    }
  }
  const early = Math.min(4, s.failScore[i]!) * c.failurePenaltyMs;
  // Never earlier than just after the last read, nor before the verdict moment a suspected veto waits for.
  needDue = Math.max(waitsForMidnight ? due : due - early, read + 1);
  needDeadline = deadline - early;
  needRefreshAt = waitsForMidnight ? Infinity : Math.max(read + c.refreshMs, read + 1);
}

/**
 * The account's need: the earliest time a read is useful (`due`) and the time by which it must have happened
 * (`deadline`, earlier for accounts whose crawls fail often).
 */
export function accountNeed(s: CrawlState, i: number, now: number, c: PlanConfig): { due: number; deadline: number } {
  need(s, i, now, c);
  return { due: needDue, deadline: needDeadline };
}

const BUCKETS = 2048;
const BUCKET_MS = 30 * 60_000;

/**
 * Plans the requests of [now, now + tickMs). `spentToday[e]` = requests egress e already sent this Beijing day
 * (the caller counts; the plan never exceeds an egress's remaining budget nor a host's politeness).
 * `usedInTick[h][e]` = politeness slots of host h on egress e already taken in this tick by an earlier plan of the
 * same tick (the worker re-planning a slot); the new requests are timed after them. Absent = none (the simulation).
 * This is the one planner: the worker's enqueue job (crawlers/jobs/enqueue-due-crawls.ts) and the simulation of
 * `npm run bench:schedule` both call it.
 */
export function planRequests(
  s: CrawlState,
  now: number,
  tickMs: number,
  spentToday: ArrayLike<number>,
  c: PlanConfig,
  usedInTick?: ReadonlyArray<ArrayLike<number>>,
): Plan {
  const hostCount = c.hosts.length;
  // Capacity per (host, egress) in this tick, less what an earlier plan of the tick took.
  const perTick = c.hosts.map((h) => Math.floor(tickMs / h.minIntervalMs));
  const usedBefore = c.hosts.map((_, h) => c.egresses.map((_, k) => usedInTick?.[h]?.[k] ?? 0));
  const perHostEgress = c.hosts.map((_, h) => c.egresses.map((_, k) => Math.max(0, perTick[h]! - usedBefore[h]![k]!)));
  const remaining = c.egresses.map((e, k) => Math.max(0, e.dailyBudget - (spentToday[k] ?? 0)));
  const refreshRemaining = c.egresses.map((e, k) =>
    Math.max(0, e.dailyBudget * c.refreshBudgetShare - (spentToday[k] ?? 0)),
  );
  const hostCapacity = perHostEgress.map((row) => row.reduce((a, b) => a + b, 0));
  const budgetTotal = remaining.reduce((a, b) => a + b, 0);

  // Pass 1: histogram of deadlines (bucketed, overdue first) per host among the accounts due now.
  const bucketOf = new Int16Array(s.count).fill(-1);
  const isRefresh = new Uint8Array(s.count);
  const histogram = new Int32Array(hostCount * BUCKETS);
  const base = now - (BUCKETS / 2) * BUCKET_MS;
  let eligible = 0;
  for (let i = 0; i < s.count; i++) {
    const f = s.failures[i]!;
    if (f > 0) {
      const retryAt = s.lastAttemptAt[i]! + Math.min(c.retryMaxMs, c.retryBaseMs * 2 ** (f - 1));
      if (retryAt > now) continue;
    }
    need(s, i, now, c);
    let b: number;
    if (needDue <= now + tickMs) b = Math.max(0, Math.min(BUCKETS - 2, Math.floor((needDeadline - base) / BUCKET_MS)));
    else if (needRefreshAt <= now + tickMs) {
      b = BUCKETS - 1; // after every needed read
      isRefresh[i] = 1;
    } else continue;
    bucketOf[i] = b;
    histogram[s.host[i]! * BUCKETS + b]!++;
    if (!isRefresh[i]) eligible++;
  }

  // Per host, the bucket up to which everything fits; the threshold bucket is partly taken.
  const take = Math.min(
    budgetTotal,
    hostCapacity.reduce((a, b) => a + b, 0),
  );
  const hostLimit = hostCapacity.map((cap) => Math.min(cap, take));
  const threshold = new Int32Array(hostCount).fill(BUCKETS);
  const thresholdRoom = new Int32Array(hostCount);
  for (let h = 0; h < hostCount; h++) {
    let room = hostLimit[h]!;
    for (let b = 0; b < BUCKETS; b++) {
      const n = histogram[h * BUCKETS + b]!;
      if (n > room) {
        threshold[h] = b;
        thresholdRoom[h] = room;
        break;
      }
      room -= n;
    }
  }

  // Pass 2: collect, then order by deadline bucket so budget cuts drop the least urgent.
  const picked: number[] = [];
  const roomLeft = Int32Array.from(thresholdRoom);
  for (let i = 0; i < s.count; i++) {
    const b = bucketOf[i]!;
    if (b < 0) continue;
    const h = s.host[i]!;
    if (b < threshold[h]!) picked.push(i);
    else if (b === threshold[h]! && roomLeft[h]! > 0) {
      roomLeft[h]!--;
      picked.push(i);
    }
  }
  picked.sort((x, y) => bucketOf[x]! - bucketOf[y]!);

  // Assign egresses: per host, fill each egress's politeness slots while its daily budget lasts.
  const slotsUsed = c.hosts.map(() => c.egresses.map(() => 0));
  const slotOffset = (h: number, k: number) => usedBefore[h]![k]! + slotsUsed[h]![k]!;
  const accounts: number[] = [];
  const egress: number[] = [];
  const at: number[] = [];
  let refreshes = 0;
  let needed = 0;
  for (const i of picked) {
    const h = s.host[i]!;
    let chosen = -1;
    let fewest = Infinity;
    for (let k = 0; k < c.egresses.length; k++) {
      if (remaining[k]! <= 0 || slotsUsed[h]![k]! >= perHostEgress[h]![k]!) continue;
      if (isRefresh[i] && refreshRemaining[k]! <= 0) continue;
      if (slotOffset(h, k) < fewest) {
        fewest = slotOffset(h, k);
        chosen = k;
      }
    }
    if (chosen < 0) continue;
    at.push(now + slotOffset(h, chosen) * c.hosts[h]!.minIntervalMs);
    slotsUsed[h]![chosen]!++;
    remaining[chosen]!--;
    refreshRemaining[chosen]!--;
    accounts.push(i);
    egress.push(chosen);
    if (isRefresh[i]) refreshes++;
    else needed++;
  }
  return {
    accounts: Int32Array.from(accounts),
    egress: Uint16Array.from(egress),
    at: Float64Array.from(at),
    deferred: eligible - needed,
    refreshes,
  };
}

/** Records the result of one request in the state (success: read through `at`, newest post seen). */
export function recordRead(s: CrawlState, i: number, at: number, ok: boolean, newestPost: number): void {
  s.lastAttemptAt[i] = at;
  if (!ok) {
    s.failures[i] = Math.min(65_535, s.failures[i]! + 1);
    s.failScore[i] = s.failScore[i]! + 1;
    return;
  }
  s.failures[i] = 0;
  s.failScore[i] = s.failScore[i]! * 0.8;
  s.readThrough[i] = at;
  if (!Number.isNaN(newestPost) && !(newestPost <= s.lastPostSeen[i]!)) s.lastPostSeen[i] = newestPost;
}
