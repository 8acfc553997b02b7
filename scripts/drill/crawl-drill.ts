// The crawl failure drill behind `npm run drill` and tests/integration/drills: several worker processes
// (crawlers/main.ts, unchanged) share the queue for a sandbox crawl, one is SIGKILLed mid-run, the sandbox answers a
// share of timeouts, 5xx, 418/432, truncated JSON and captcha pages, and (given `restartPostgres`, on a private
// cluster: scripts/drill/local-cluster.ts) PostgreSQL is restarted mid-run; then a second round (the next slot, as
// the scheduler would send it) and a real inspection. The checks are the issue's: every job done once, no duplicate
// snapshots, no lost coverage day, no false veto, the leader lock moved.
import { spawn, type ChildProcess } from 'node:child_process';
import { QUEUES, sendCrawlJobs, startBoss } from '@/crawlers/queue';
import { startSandbox } from '@/crawlers/sandbox/server';
import type { ScenarioInput, SandboxFailure } from '@/crawlers/sandbox/scenario';
import { runScoreInspection } from '@/crawlers/jobs/score-inspection';
import type { PrismaClient } from '@/lib/db/types';
import { startInspection } from '@/lib/services/start-inspection';
import { shanghaiDay } from '@/lib/time';

export type DrillOptions = {
  db: PrismaClient;
  databaseUrl: string;
  accounts: number;
  workers: number;
  concurrency?: number;
  /** A crawl job still active after this long is retried by another worker (WORKER_CRAWL_EXPIRE_SECONDS). */
  expireSeconds?: number;
  /** Restarts the database server (pg_ctl restart of a private cluster); called once in round 1, after the kill. */
  restartPostgres?: () => Promise<void>;
  log?: (line: string) => void;
};
export type DrillReport = {
  accounts: number;
  workers: number;
  jobs: number;
  jobsCompleted: number;
  /** crawl_run rows per account over the two slots: 2 and 2 when every job ran once. */
  runsPerAccount: [min: number, max: number];
  duplicateSnapshots: number;
  accountsWithLostDays: number;
  /** Accounts not covered today by the latest run's outcome ("FAILED TIMEOUT", "no run", …); empty when all are. */
  uncoveredCauses: Record<string, number>;
  falseVetoes: number;
  /** Sandbox answers with an HTTP error status (418, 503, captcha walls; timeouts and truncated JSON come as 200). */
  failedAnswers: number;
  /** Crawl jobs tried more than once (expired with the killed worker, cut by the restart, or slower than the expiry). */
  retriedJobs: number;
  killedPid: number;
  leaderMoved: boolean;
  /** Seconds PostgreSQL took to restart mid-run; null when not restarted. */
  restartSeconds: number | null;
  /** Crawl runs existing when the restart began (of `accounts` in round 1). */
  runsAtRestart: number | null;
  /** Worker processes other than the killed one still alive at the end (all of them survived the restart). */
  workersAlive: number;
  seconds: number;
};

/** One failure kind per 20 accounts each (6 × 5 % = 30 % of accounts fail their first request). */
const FAILURE_SHARE: readonly Omit<SandboxFailure, 'handle'>[] = [
  { kind: 'delay', delayMs: 12_000, times: 1 }, // longer than CRAWLER_TIMEOUT_MS: a timeout
  { kind: 'status', status: 503, times: 1 },
  { kind: 'status', status: 418, times: 1 },
  { kind: 'status', status: 432, times: 1 }, // Weibo's other rate-limit status
  { kind: 'malformed_json', times: 1 }, // truncated JSON
  { kind: 'captcha', times: 1 },
];

const handleOf = (i: number) => `79${String(i).padStart(8, '0')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | false>,
  timeoutMs: number,
  output: string[],
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await sleep(250);
  }
  throw new Error(`drill timed out waiting for ${what}; worker output:\n${output.join('').slice(-3000)}`);
}

export async function runCrawlDrill({
  db,
  databaseUrl,
  accounts,
  workers,
  concurrency = 4,
  restartPostgres,
  expireSeconds = 5,
  log = () => {},
}: DrillOptions): Promise<DrillReport> {
  const started = Date.now();
  // Generous: at ~1 crawl/s on a loaded machine a round of N accounts takes N s.
  const roundTimeoutMs = Math.max(900_000, accounts * 1500);
  const agency = await db.agency.create({
    data: { name: '演练单位', code: `DRILL${Date.now() % 1e6}`, level: 'PROVINCE', ancestorIds: [] },
  });
  await db.account.createMany({
    data: Array.from({ length: accounts }, (_, i) => ({
      agencyId: agency.id,
      platformCode: 'WEIBO' as const,
      handle: handleOf(i),
      displayName: `演练账号${i}`,
    })),
  });
  // Real time (no scenario clock): every account posted 1, 3 and 9 days ago, so any V2 veto is false.
  const scenario: ScenarioInput = {
    name: 'drill',
    accounts: Array.from({ length: accounts }, (_, i) => ({
      platform: 'WEIBO' as const,
      handle: handleOf(i),
      profile: { displayName: `演练账号${i}`, verified: true, verifiedType: 1 },
      posts: [1, 3, 9].map((d) => ({
        id: `58${String(i).padStart(8, '0')}${d}`,
        text: `演练通知 ${i}-${d}`,
        publishedAt: `-${d}d`,
      })),
    })),
    failures: Array.from({ length: accounts }, (_, i) => i)
      .filter((i) => i % 20 < FAILURE_SHARE.length)
      .map((i) => ({ ...FAILURE_SHARE[i % 20]!, handle: handleOf(i) })),
  };
  const sandbox = await startSandbox({ port: 0, scenario });
  const queueEnv = {
    WORKER_CRAWL_EXPIRE_SECONDS: String(expireSeconds),
    WORKER_CRAWL_RETRY_DELAY_SECONDS: '1',
    WORKER_SUPERVISE_SECONDS: '1',
  };
  Object.assign(process.env, queueEnv);
  const boss = await startBoss(databaseUrl, { isSupervisor: false });
  const output: string[] = [];
  const children: ChildProcess[] = [];
  const leaders = new Map<number, number>();
  const spawnWorker = () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'crawlers/main.ts'], {
      env: {
        ...process.env,
        ...queueEnv,
        DATABASE_URL: databaseUrl,
        WORKER_CONCURRENCY: String(concurrency),
        WORKER_LEADER_CHECK_SECONDS: '1',
        // The leader runs the cron table but sends no crawls of its own: the drill sends the slots.
        WORKER_CRAWL: 'off',
        CRAWLER_SANDBOX_URL: sandbox.url,
        CRAWLER_MIN_DELAY_MS: '0',
        // Well above a healthy answer on a loaded machine (the sandbox shares the drill's event loop).
        CRAWLER_TIMEOUT_MS: '6000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      for (const line of text.split('\n')) {
        if (line.includes('LEADER_ACQUIRED')) leaders.set(child.pid!, Date.now());
        if (line.includes('LEADER_LOST')) leaders.delete(child.pid!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    children.push(child);
    return child;
  };
  try {
    const first = spawnWorker();
    await waitFor('the first worker to lead', async () => leaders.has(first.pid!), 60_000, output);
    for (let k = 1; k < workers; k++) spawnWorker();
    const ids = (await db.account.findMany({ where: { agencyId: agency.id }, select: { id: true } })).map((a) => a.id);
    const slotOne = new Date(Math.floor(Date.now() / 1_800_000) * 1_800_000);
    const jobs = await sendCrawlJobs(boss, ids, slotOne);
    log(`round 1: ${jobs} crawl jobs for ${accounts} accounts, ${workers} workers`);

    // Kill the leader mid-run: it holds jobs and the scheduler lock.
    await waitFor(
      'a third of the crawls',
      async () => (await db.crawlRun.count()) >= accounts / 3,
      roundTimeoutMs,
      output,
    );
    first.kill('SIGKILL');
    log(`killed worker ${first.pid} (leader) after ${await db.crawlRun.count()} runs`);
    const leaderMoved = await waitFor(
      'another worker to take the lock',
      async () => [...leaders.keys()].some((pid) => pid !== first.pid),
      60_000,
      output,
    ).catch(() => false);

    // Restart PostgreSQL while the surviving workers are mid-crawl: every connection (Prisma pools, pg-boss, the
    // leader lock, this process's own) is cut; the workers must reconnect and finish the round.
    let restartSeconds: number | null = null;
    let runsAtRestart: number | null = null;
    let restartedAt = 0;
    if (restartPostgres) {
      await waitFor(
        'two thirds of the crawls',
        async () => (await db.crawlRun.count()) >= (2 * accounts) / 3,
        roundTimeoutMs,
        output,
      );
      runsAtRestart = await db.crawlRun.count();
      const t0 = Date.now();
      restartedAt = t0;
      await restartPostgres();
      restartSeconds = (Date.now() - t0) / 1000;
      log(`restarted PostgreSQL after ${runsAtRestart} runs (${restartSeconds.toFixed(1)} s)`);
    }
    // A restart cuts the lock's session, so some worker must take the lock again after it.
    const leaderAfter = await waitFor(
      'a worker to hold the scheduler lock',
      async () => [...leaders].find(([pid, at]) => pid !== first.pid && at >= restartedAt)?.[0] ?? null,
      120_000,
      output,
    ).catch(() => null);

    // Counted in pg-boss's table: findJobs pages (1 000 rows by default), a drill has more jobs than that.
    const jobState = async (slot: Date) =>
      db.$queryRaw<{ state: string; n: number }[]>`
        SELECT state::text AS state, count(*)::int AS n FROM pgboss.job
        WHERE name = ${QUEUES.crawlAccount} AND data->>'slot' = ${slot.toISOString()} GROUP BY state`;
    let lastProgress = Date.now();
    const progress = (round: number, list: { state: string; n: number }[]) => {
      if (Date.now() - lastProgress < 60_000) return;
      lastProgress = Date.now();
      const counts = list.map((j) => `${j.state} ${j.n}`).join(', ');
      log(`round ${round} after ${((Date.now() - started) / 1000).toFixed(0)} s: ${counts}`);
    };
    const finished = (list: { state: string; n: number }[]) => {
      const done = list.filter((j) => j.state === 'completed' || j.state === 'failed').reduce((a, j) => a + j.n, 0);
      return done === accounts && list.every((j) => j.state === 'completed' || j.state === 'failed');
    };
    const roundOne = await waitFor(
      'round 1 to finish',
      async () => {
        const l = await jobState(slotOne);
        progress(1, l);
        return finished(l) ? l : null;
      },
      roundTimeoutMs,
      output,
    );

    // Round 2, the next slot: failed crawls are read again from their last covered day.
    const slotTwo = new Date(slotOne.getTime() + 1_800_000);
    await sendCrawlJobs(boss, ids, slotTwo);
    const roundTwo = await waitFor(
      'round 2 to finish',
      async () => {
        const l = await jobState(slotTwo);
        progress(2, l);
        return finished(l) ? l : null;
      },
      roundTimeoutMs,
      output,
    );
    log(`both rounds done after ${((Date.now() - started) / 1000).toFixed(0)} s`);

    const runsPerSlot = await db.crawlRun.groupBy({ by: ['accountId'], _count: { _all: true } });
    if (runsPerSlot.length < accounts) runsPerSlot.push({ accountId: 'missing', _count: { _all: 0 } });
    const snapshotsPerRun = await db.snapshot.groupBy({
      by: ['crawlRunId'],
      _count: { _all: true },
      having: { crawlRunId: { _count: { gt: 1 } } },
    });
    const today = shanghaiDay(new Date());
    const covered = await db.crawlCoverage.groupBy({
      by: ['accountId'],
      where: { status: 'COVERED', day: new Date(`${today}T00:00:00Z`) },
      _count: { _all: true },
    });
    // Why an account is not covered today: its slot-two run's status and error kind.
    const uncovered = await db.$queryRaw<{ cause: string; n: number }[]>`
      SELECT coalesce(r.status::text || ' ' || coalesce(r.error_kind::text, ''), 'no run') AS cause, count(*)::int AS n
      FROM account a
      LEFT JOIN LATERAL (SELECT status, error_kind FROM crawl_run WHERE account_id = a.id
                         ORDER BY requested_at DESC LIMIT 1) r ON true
      WHERE a.agency_id = ${agency.id}::uuid AND NOT EXISTS (
        SELECT 1 FROM crawl_coverage c WHERE c.account_id = a.id AND c.status = 'COVERED' AND c.day = ${today}::date)
      GROUP BY 1`;
    const gaps = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(DISTINCT c.account_id) AS n FROM crawl_coverage c
      WHERE c.status <> 'COVERED' AND c.day >= (SELECT min(day) FROM crawl_coverage c2 WHERE c2.account_id = c.account_id AND c2.status = 'COVERED')`;

    const { inspectionId } = await startInspection({
      db,
      monitoringAt: new Date(),
      scopeAgencyCode: agency.code ?? undefined,
    });
    await runScoreInspection({ now: new Date(), db, inspectionId });
    const falseVetoes = await db.finding.count({ where: { inspectionId, indicatorCode: 'V2' } });

    const failedAnswers = sandbox.requests.filter((r) => r.status >= 400).length;
    const [retried] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${QUEUES.crawlAccount} AND retry_count > 0`;
    return {
      accounts,
      workers,
      jobs: [...roundOne, ...roundTwo].reduce((a, j) => a + j.n, 0),
      jobsCompleted: [...roundOne, ...roundTwo].filter((j) => j.state === 'completed').reduce((a, j) => a + j.n, 0),
      runsPerAccount: [
        Math.min(...runsPerSlot.map((r) => r._count._all)),
        Math.max(...runsPerSlot.map((r) => r._count._all)),
      ],
      duplicateSnapshots: snapshotsPerRun.length,
      accountsWithLostDays: accounts - covered.length + Number(gaps[0]?.n ?? 0),
      uncoveredCauses: Object.fromEntries(uncovered.map((u) => [u.cause.trim(), u.n])),
      falseVetoes,
      failedAnswers,
      retriedJobs: retried?.n ?? 0,
      killedPid: first.pid!,
      leaderMoved: Boolean(leaderMoved) && leaderAfter !== null,
      restartSeconds,
      runsAtRestart,
      workersAlive: children.filter((c) => c !== first && c.exitCode === null && c.signalCode === null).length,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(
      children.map((c) =>
        c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null,
      ),
    );
    await boss.stop({ graceful: false, close: true });
    await sandbox.close();
    for (const key of Object.keys(queueEnv)) delete process.env[key];
  }
}

export const drillPassed = (r: DrillReport): boolean =>
  r.jobsCompleted === r.jobs &&
  r.runsPerAccount[0] === 2 &&
  r.runsPerAccount[1] === 2 &&
  r.duplicateSnapshots === 0 &&
  r.accountsWithLostDays === 0 &&
  r.falseVetoes === 0 &&
  r.leaderMoved &&
  r.workersAlive === r.workers - 1;
