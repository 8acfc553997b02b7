// npm run bench:schedule [-- --accounts 700000 --days 30 --egresses 4 --interval-ms 3000 --refresh-hours 0
//                           --worker-tick 50000]
// Simulates the crawl plan of a country on a virtual clock (no network) with the worker's planner
// (crawlers/jobs/enqueue-due-crawls.ts CRAWL_PLANNER = crawlers/planning/plan-requests.ts planRequests, configured by
// the worker's CRAWL_* parser) and a round-robin baseline with the same egress capacity, in one run.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CRAWL_PLANNER } from '@/crawlers/jobs/enqueue-due-crawls';
import { egressesSetting, parsePlanEnv, requestsPerEgressDay } from '@/crawlers/planning/plan-config';
import { planRequests } from '@/crawlers/planning/plan-requests';
import { runScheduleSimulation, simulationEnv, type PolicyResult } from './bench/schedule-sim';
import { measureWorkerTick } from './bench/worker-tick';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '700000' },
    days: { type: 'string', default: '30' },
    egresses: { type: 'string', default: '4' },
    'interval-ms': { type: 'string', default: '3000' },
    seed: { type: 'string', default: '16' },
    'refresh-hours': { type: 'string', default: '0' },
    /** Also time the worker's enqueue tick on a scratch PostgreSQL database with this many accounts (0 = skip). */
    'worker-tick': { type: 'string', default: '0' },
  },
});
const o = {
  accounts: Number(values.accounts),
  days: Number(values.days),
  egresses: Number(values.egresses),
  minIntervalMs: Number(values['interval-ms']),
  tickMs: 30 * 60_000,
  seed: Number(values.seed),
  refreshHours: Number(values['refresh-hours']),
};
if (![o.accounts, o.days, o.egresses, o.minIntervalMs].every((x) => Number.isInteger(x) && x > 0)) {
  console.error('accounts, days, egresses and interval-ms must be positive integers');
  process.exit(2);
}
if (!(o.refreshHours >= 0)) {
  console.error('refresh-hours must be 0 (off) or a positive number');
  process.exit(2);
}

const started = performance.now();
const { scheduler, baseline, hosts } = runScheduleSimulation(o);
const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(2)} %`;
const line = (r: PolicyResult) =>
  `${r.name.padEnd(12)} V2 decided in time ${pct(r.decided, r.verdicts).padStart(8)} of ${r.verdicts}  vetoes ${r.vetoes}  false vetoes ${r.falseVetoes} (day rule ${r.falseVetoesDayRule})  requests ${r.requests} (${r.failedRequests} failed)  peak host-day ${r.peakHostDay}`;
const perEgressDay = requestsPerEgressDay(o.minIntervalMs);
console.log(`node ${process.version}, ${new Date().toISOString()}`);
// What the worker runs is what was simulated: the same function object, and the file it comes from.
const plannerFile = 'crawlers/planning/plan-requests.ts';
const plannerDigest = createHash('sha256')
  .update(readFileSync(new URL(`../${plannerFile}`, import.meta.url)))
  .digest('hex')
  .slice(0, 12);
console.log(
  `planner: ${CRAWL_PLANNER === planRequests ? 'the worker' : 'NOT the worker'}'s (enqueue-due-crawls CRAWL_PLANNER === planRequests of ${plannerFile}, sha256 ${plannerDigest}); settings parsed by the worker's parsePlanEnv: ${Object.entries(
    simulationEnv(o),
  )
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')}`,
);
console.log(
  `${o.accounts} accounts × ${o.days} days, ${o.egresses} egress identities, 1 request / ${o.minIntervalMs} ms / host / egress (${perEgressDay} per host per day each), tick ${o.tickMs / 60_000} min`,
);
console.log(
  `hosts: ${hosts.map((h) => `${h.name} ${Math.round(h.share * 100)} %`).join(', ')}; verdicts at each Beijing midnight, decided by 12:00`,
);
console.log(line(scheduler));
console.log(line(baseline));
// The busiest host-day the scheduler needed, with 25 % headroom for outages and retries, in egress identities.
const needed = Math.ceil((scheduler.peakHostDay * 1.25) / perEgressDay);
console.log(
  `egress budget a country needs: ${needed} identities per host at this politeness (${Math.ceil(scheduler.peakHostDay * 1.25)} requests on the busiest host-day incl. 25 % headroom), i.e. CRAWL_EGRESSES=${egressesSetting(needed)} CRAWL_MIN_INTERVAL_MS=${o.minIntervalMs}`,
);
console.log(`simulated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const share = scheduler.decided / Math.max(1, scheduler.verdicts);
console.log(
  `day rule = production's coverage, where the day of a crawl counts as read even for posts after the crawl: it vetoes accounts that posted later that day`,
);
const isPass =
  CRAWL_PLANNER === planRequests &&
  share >= 0.99 &&
  scheduler.falseVetoes === 0 &&
  scheduler.decided >= baseline.decided;
console.log(
  `${isPass ? 'PASS' : 'FAIL'}: scheduler decides ≥ 99 % of V2 verdicts in time (${pct(scheduler.decided, scheduler.verdicts)}), 0 false vetoes (${scheduler.falseVetoes}), at least as many as round robin (${pct(baseline.decided, baseline.verdicts)})`,
);
process.exitCode = isPass ? 0 : 1;

const tickAccounts = Number(values['worker-tick']);
if (Number.isInteger(tickAccounts) && tickAccounts > 0) {
  const r = await measureWorkerTick(tickAccounts, parsePlanEnv(simulationEnv(o)), new Date());
  console.log(
    `worker tick on PostgreSQL (runEnqueueDueCrawls, same planner and settings): ${r.accounts} accounts, ${r.runs} crawl runs (seeded in ${(r.seedMs / 1000).toFixed(1)} s); plan state loaded in ${r.loadMs.toFixed(0)} ms, whole tick ${r.tickMs.toFixed(0)} ms (due ${r.due}, enqueued ${r.enqueued}, deferred ${r.deferred}, refresh ${r.refreshes}); the same slot again ${r.repeatMs.toFixed(0)} ms, enqueued ${r.repeatEnqueued}`,
  );
}
