// npm run drill [-- --accounts 10000 --workers 3 --concurrency 4 --expire 5 --no-restart] — the crawl failure drill (see
// scripts/drill/crawl-drill.ts) on a private PostgreSQL cluster started for it (scripts/drill/local-cluster.ts:
// initdb in a temp dir, a free port) so PostgreSQL can be restarted mid-run without touching the machine's shared
// cluster. --no-restart runs on a scratch database of TEST_DATABASE_URL's server instead and restarts nothing.
// Prints its figures and a PASS/FAIL line.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createPrismaClient } from '@/lib/db/client';
import { createScratchDatabase } from './bench/scratch-database';
import { drillPassed, runCrawlDrill } from './drill/crawl-drill';
import { createMigratedDatabase, startLocalCluster, type LocalCluster } from './drill/local-cluster';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '10000' },
    workers: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '4' },
    expire: { type: 'string', default: '5' },
    'no-restart': { type: 'boolean', default: false },
  },
});
const accounts = Number(values.accounts);
const workers = Number(values.workers);
const concurrency = Number(values.concurrency);
const restart = !values['no-restart'];
if (!Number.isInteger(accounts) || accounts < 20 || !Number.isInteger(workers) || workers < 2 || !(concurrency >= 1)) {
  console.error('--accounts must be an integer ≥ 20, --workers ≥ 2, --concurrency ≥ 1');
  process.exit(2);
}

let cluster: LocalCluster | null = null;
let url: string;
let dropScratch = async () => {};
if (restart) {
  cluster = await startLocalCluster();
  url = await createMigratedDatabase(cluster);
  console.log(`private PostgreSQL cluster on port ${cluster.port} (${cluster.dataDir})`);
} else {
  const scratch = await createScratchDatabase();
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/db-reference.ts'], {
    env: { ...process.env, DATABASE_URL: scratch.url },
    stdio: 'ignore',
  });
  url = scratch.url;
  dropScratch = scratch.drop;
}
const db = createPrismaClient(url, 4);
try {
  const load = loadavg().map((l) => l.toFixed(1));
  console.log(
    `node ${process.version}, ${new Date().toISOString()}, ${accounts} accounts, ${workers} workers × ${concurrency}, load ${load.join(' ')}`,
  );
  const r = await runCrawlDrill({
    db,
    databaseUrl: url,
    accounts,
    workers,
    concurrency,
    expireSeconds: Number(values.expire),
    restartPostgres: cluster ? () => cluster.restart() : undefined,
    log: (line) => console.log(line),
  });
  console.log(
    `jobs ${r.jobsCompleted}/${r.jobs} completed; crawl runs per account min ${r.runsPerAccount[0]} max ${r.runsPerAccount[1]} (2 = each slot once)`,
  );
  console.log(
    `duplicate snapshots ${r.duplicateSnapshots}; accounts with a lost coverage day ${r.accountsWithLostDays}; false V2 vetoes ${r.falseVetoes}` +
      (Object.keys(r.uncoveredCauses).length ? ` (not covered today: ${JSON.stringify(r.uncoveredCauses)})` : ''),
  );
  console.log(
    `sandbox failure answers ${r.failedAnswers}; jobs retried ${r.retriedJobs}; leader ${r.killedPid} SIGKILLed, lock moved: ${r.leaderMoved}; ` +
      `PostgreSQL restart: ${r.restartSeconds === null ? 'not drilled' : `after ${r.runsAtRestart} runs, ${r.restartSeconds.toFixed(1)} s`}; ` +
      `workers alive ${r.workersAlive}/${r.workers - 1}; ${r.seconds.toFixed(1)} s (${((2 * accounts) / r.seconds).toFixed(1)} crawls/s); load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  console.log(
    `${drillPassed(r) ? 'PASS' : 'FAIL'}: every job once, no duplicate snapshot, no lost coverage day, no false veto, the leader lock moved, ` +
      `every surviving worker alive${r.restartSeconds === null ? ' (PostgreSQL restart not drilled)' : ' after a PostgreSQL restart'}`,
  );
  process.exitCode = drillPassed(r) ? 0 : 1;
} finally {
  await db.$disconnect();
  await dropScratch();
  await cluster?.destroy();
}
