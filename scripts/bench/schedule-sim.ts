// The crawl-plan simulation behind `npm run bench:schedule`: a virtual clock, no network, the real planner
// (crawlers/planning/plan-requests.ts) against a round-robin baseline with the same egress capacity, over the same
// accounts, posting streams, failures and outages. Typed arrays throughout: 700 000 accounts × 30 days in minutes.
import { CRAWL_PLANNER } from '@/crawlers/jobs/enqueue-due-crawls';
import { egressesSetting, parsePlanEnv, planConfigFor } from '@/crawlers/planning/plan-config';
import {
  createCrawlState,
  lastVerdictMoment,
  recordRead,
  type CrawlState,
  type PlanConfig,
} from '@/crawlers/planning/plan-requests';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type SimOptions = {
  accounts: number;
  days: number;
  egresses: number;
  /** Politeness: one request per this many ms per host per egress identity. */
  minIntervalMs: number;
  tickMs: number;
  seed: number;
  /** CRAWL_REFRESH_HOURS of the simulated worker (0 = no refresh reads, the planner reads only what verdicts need). */
  refreshHours: number;
};

export type PolicyResult = {
  name: string;
  verdicts: number;
  decided: number;
  vetoes: number;
  falseVetoes: number;
  /** False vetoes had the verdict counted the day of the last read as read (the production coverage rule). */
  falseVetoesDayRule: number;
  requests: number;
  failedRequests: number;
  /** Most requests sent on one host in one Beijing day. */
  peakHostDay: number;
};

/** Hosts and their share of the accounts (China: ~500 000 WeChat, ~170 000 Weibo government accounts, some others). */
const HOSTS = [
  { name: 'mp.weixin.qq.com', share: 0.71 },
  { name: 'weibo.com', share: 0.243 },
  { name: 'other (RSS, app stores)', share: 0.047 },
];
/** Mean days between posts and the share of accounts posting like that; Infinity = dormant (real V2 vetoes). */
const CADENCES: readonly [meanDays: number, share: number][] = [
  [0.5, 0.35],
  [2, 0.25],
  [5, 0.2],
  [12, 0.12],
  [30, 0.05],
  [Infinity, 0.03],
];
/** Items per request page: a read costs one request plus one per further page of new items. */
const ITEMS_PER_PAGE = 20;

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The world both policies face: account hosts, cadences, flakiness and host outages, fixed by the seed. */
type World = {
  host: Uint8Array;
  meanPostMs: Float64Array;
  failRate: Float32Array;
  /** Per host, [start, end) outage intervals. */
  outages: [number, number][][];
  start: number;
};

function buildWorld(o: SimOptions): World {
  const rnd = mulberry32(o.seed);
  const host = new Uint8Array(o.accounts);
  const meanPostMs = new Float64Array(o.accounts);
  const failRate = new Float32Array(o.accounts);
  for (let i = 0; i < o.accounts; i++) {
    let r = rnd();
    let h = 0;
    while (h < HOSTS.length - 1 && r >= HOSTS[h]!.share) r -= HOSTS[h++]!.share;
    host[i] = h;
    r = rnd();
    let k = 0;
    while (k < CADENCES.length - 1 && r >= CADENCES[k]![1]) r -= CADENCES[k++]![1];
    meanPostMs[i] = CADENCES[k]![0] * DAY_MS;
    // 5 % of accounts sit behind something flaky (30 % of reads fail); the rest fail 3 % of the time.
    failRate[i] = rnd() < 0.05 ? 0.3 : 0.03;
  }
  const start = Date.UTC(2026, 2, 1, 16); // a Beijing midnight
  const outages = HOSTS.map(() => {
    const list: [number, number][] = [];
    for (let d = 0; d < o.days; d++) {
      if (rnd() < 0.15) {
        const from = start + d * DAY_MS + rnd() * DAY_MS;
        list.push([from, from + (1 + rnd() * 5) * HOUR_MS]);
      }
    }
    return list;
  });
  return { host, meanPostMs, failRate, outages, start };
}

/** Each policy's own cursor over the same per-account posting streams (seeded per account, so both see equal posts). */
class PostStreams {
  next: Float64Array;
  last: Float64Array;
  sinceRead: Int32Array;
  private rng: Uint32Array;
  constructor(
    private world: World,
    seed: number,
  ) {
    const n = world.host.length;
    this.next = new Float64Array(n);
    this.last = new Float64Array(n).fill(Number.NaN);
    this.sinceRead = new Int32Array(n);
    this.rng = new Uint32Array(n);
    const from = world.start - 60 * DAY_MS;
    for (let i = 0; i < n; i++) {
      this.rng[i] = (Math.imul(i + 1, 2_654_435_761) ^ seed) >>> 0;
      this.next[i] = from + this.draw(i);
    }
  }
  private draw(i: number): number {
    const mean = this.world.meanPostMs[i]!;
    if (!Number.isFinite(mean)) return Infinity;
    let a = (this.rng[i]! + 0x6d2b79f5) >>> 0;
    this.rng[i] = a;
    a = Math.imul(a ^ (a >>> 15), a | 1);
    a ^= a + Math.imul(a ^ (a >>> 7), a | 61);
    const u = ((a ^ (a >>> 14)) >>> 0) / 4_294_967_296;
    return -Math.log(1 - u) * mean;
  }
  advance(i: number, to: number): void {
    while (this.next[i]! <= to) {
      this.last[i] = this.next[i]!;
      this.sinceRead[i]!++;
      this.next[i] = this.next[i]! + this.draw(i);
    }
  }
}

type Policy = {
  name: string;
  plan: (
    s: CrawlState,
    now: number,
    spent: Float64Array,
  ) => { accounts: Int32Array; egress: Uint16Array; at: Float64Array };
};

const shanghaiDay = (t: number) => Math.floor((t + 8 * HOUR_MS) / DAY_MS);

function runPolicy(o: SimOptions, world: World, config: PlanConfig, policy: Policy): PolicyResult {
  const n = o.accounts;
  const streams = new PostStreams(world, o.seed);
  const s = createCrawlState(n);
  s.host.set(world.host);
  const rnd = mulberry32(o.seed ^ 0x5eed);
  // Before day 0 the province ran an interval scheduler: everyone read within the last 3 days.
  for (let i = 0; i < n; i++) {
    const read = world.start - rnd() * 3 * DAY_MS;
    streams.advance(i, read);
    s.readThrough[i] = read;
    s.lastPostSeen[i] = streams.last[i]!;
    streams.sinceRead[i] = 0;
  }
  const r: PolicyResult = {
    name: policy.name,
    verdicts: 0,
    decided: 0,
    vetoes: 0,
    falseVetoes: 0,
    falseVetoesDayRule: 0,
    requests: 0,
    failedRequests: 0,
    peakHostDay: 0,
  };
  const limit = config.limitDays * DAY_MS;
  const truthAtMoment = new Float64Array(n);
  let momentPending = Number.NaN;
  const spent = new Float64Array(config.egresses.length);
  const hostDay = new Float64Array(HOSTS.length);
  let day = shanghaiDay(world.start);
  const end = world.start + o.days * DAY_MS;
  const isDown = (h: number, t: number) => world.outages[h]!.some(([a, b]) => t >= a && t < b);

  for (let now = world.start; now < end; now += o.tickMs) {
    if (shanghaiDay(now) !== day) {
      day = shanghaiDay(now);
      spent.fill(0);
      for (let h = 0; h < HOSTS.length; h++) r.peakHostDay = Math.max(r.peakHostDay, hostDay[h]!);
      hostDay.fill(0);
    }
    // A verdict moment (Beijing midnight): note the truth, decide it once the grace has passed.
    if (now === lastVerdictMoment(now) && now > world.start) {
      for (let i = 0; i < n; i++) {
        streams.advance(i, now);
        truthAtMoment[i] = streams.last[i]!;
      }
      momentPending = now;
    }
    if (!Number.isNaN(momentPending) && now >= momentPending + config.verdictGraceMs) {
      const m = momentPending;
      const momentDay = shanghaiDay(m - 1); // the day that just ended
      for (let i = 0; i < n; i++) {
        const read = s.readThrough[i]!;
        // What the reads saw of (m - 14 days, m]: everything when read through m, else what the last read saw.
        const seen = read >= m ? truthAtMoment[i]! : s.lastPostSeen[i]!;
        // A veto needs the whole window read: read through the moment itself, as scoring decides V2 (isReadThrough
        // in lib/scoring/coverage.ts). The old production rule counted the whole day of the last read as read; its
        // vetoes are counted apart, because a post later that day is missed (docs/benchmarks.md "Crawl scheduler").
        const isWindowRead = read >= m;
        const isDayRuleRead = !Number.isNaN(read) && shanghaiDay(read) >= momentDay;
        const hasPost = !Number.isNaN(seen) && seen > m - limit;
        const t = truthAtMoment[i]!;
        const isTrulyActive = !Number.isNaN(t) && t > m - limit;
        r.verdicts++;
        if (hasPost) r.decided++;
        else if (isWindowRead) {
          r.decided++;
          r.vetoes++;
          if (isTrulyActive) r.falseVetoes++;
        }
        if (!hasPost && isDayRuleRead && isTrulyActive) r.falseVetoesDayRule++;
      }
      momentPending = Number.NaN;
    }
    const plan = policy.plan(s, now, spent);
    for (let j = 0; j < plan.accounts.length; j++) {
      const i = plan.accounts[j]!;
      const at = plan.at[j]!;
      const h = world.host[i]!;
      streams.advance(i, at);
      const ok = !isDown(h, at) && rnd() >= world.failRate[i]!;
      // Timeouts, 5xx, 418, captcha pages and truncated JSON all cost the request and read nothing.
      const cost = ok ? 1 + Math.floor(streams.sinceRead[i]! / ITEMS_PER_PAGE) : 1;
      r.requests += cost;
      hostDay[h] = hostDay[h]! + cost;
      spent[plan.egress[j]!] = spent[plan.egress[j]!]! + cost;
      if (!ok) {
        r.failedRequests++;
        recordRead(s, i, at, false, Number.NaN);
        continue;
      }
      recordRead(s, i, at, true, streams.last[i]!);
      streams.sinceRead[i] = 0;
    }
  }
  for (let h = 0; h < HOSTS.length; h++) r.peakHostDay = Math.max(r.peakHostDay, hostDay[h]!);
  return r;
}

/** Round robin: each host's accounts in a fixed cycle, as many per tick as politeness and budgets allow. */
function roundRobin(world: World, config: PlanConfig, tickMs: number): Policy {
  const byHost = HOSTS.map((_, h) =>
    Int32Array.from(world.host.reduce<number[]>((acc, x, i) => (x === h ? (acc.push(i), acc) : acc), [])),
  );
  const cursor = HOSTS.map(() => 0);
  return {
    name: 'round robin',
    plan: (_s, now, spent) => {
      const accounts: number[] = [];
      const egress: number[] = [];
      const at: number[] = [];
      const remaining = config.egresses.map((e, k) => e.dailyBudget - spent[k]!);
      config.hosts.forEach((host, h) => {
        const list = byHost[h]!;
        if (list.length === 0) return;
        const perEgress = Math.floor(tickMs / host.minIntervalMs);
        config.egresses.forEach((_, k) => {
          for (let slot = 0; slot < perEgress && remaining[k]! > 0; slot++) {
            accounts.push(list[cursor[h]! % list.length]!);
            cursor[h]!++;
            egress.push(k);
            at.push(now + slot * host.minIntervalMs);
            remaining[k]!--;
          }
        });
      });
      return { accounts: Int32Array.from(accounts), egress: Uint16Array.from(egress), at: Float64Array.from(at) };
    },
  };
}

/** The worker settings (CRAWL_* environment, docs/deployment.md) the simulation runs with. */
export const simulationEnv = (o: SimOptions): Record<string, string> => ({
  CRAWL_EGRESSES: egressesSetting(o.egresses),
  CRAWL_MIN_INTERVAL_MS: String(o.minIntervalMs),
  CRAWL_REFRESH_HOURS: String(o.refreshHours),
});

/** Built by the worker's own parser from the worker's own settings. */
export const simulationConfig = (o: SimOptions): PlanConfig =>
  planConfigFor(
    HOSTS.map((h) => h.name),
    parsePlanEnv(simulationEnv(o)),
  );

export function runScheduleSimulation(o: SimOptions): {
  scheduler: PolicyResult;
  baseline: PolicyResult;
  hosts: typeof HOSTS;
} {
  const world = buildWorld(o);
  const config = simulationConfig(o);
  const scheduler = runPolicy(o, world, config, {
    name: 'scheduler',
    // The worker's planner itself (crawlers/jobs/enqueue-due-crawls.ts CRAWL_PLANNER), not a copy.
    plan: (s, now, spent) => CRAWL_PLANNER(s, now, o.tickMs, spent, config),
  });
  const baseline = runPolicy(o, world, config, roundRobin(world, config, o.tickMs));
  return { scheduler, baseline, hosts: HOSTS };
}
