import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLeaderLock } from '@/crawlers/leader-lock';
import { QUEUES, sendCrawlJobs, startBoss, type PgBoss } from '@/crawlers/queue';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

let t: TestDatabase;
let boss: PgBoss;
const children = new Set<ChildProcess>();
const output: string[] = [];
const openClients = new Set<pg.Client>();
// A worker boots through tsx (compiling crawlers/main.ts and its imports): seconds on a quiet machine, close to a
// minute on a loaded 2-core one. Generous waits keep the test about behaviour, not about machine load.
const BOOT_WAIT_MS = 150_000;

// Short expiry for this file: the queue copies it onto each job at send time, so the sender needs it too.
const QUEUE_ENV = {
  WORKER_CRAWL_EXPIRE_SECONDS: '3',
  WORKER_CRAWL_RETRY_DELAY_SECONDS: '1',
  WORKER_SUPERVISE_SECONDS: '1',
};

beforeAll(async () => {
  Object.assign(process.env, QUEUE_ENV);
  t = await createTestDatabase();
  boss = await startBoss(t.url, { isSupervisor: false });
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const client of openClients) await client.end().catch(() => undefined);
  await boss.stop({ graceful: false, close: true });
  await t.drop();
  for (const key of Object.keys(QUEUE_ENV)) delete process.env[key];
});

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'crawlers/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      WORKER_SCHEDULER: 'off',
      WORKER_CONCURRENCY: '1',
      ...QUEUE_ENV,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.on('exit', () => children.delete(child));
  return child;
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = BOOT_WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}; worker output:\n${output.join('').slice(-4000)}`);
}

describe('worker process', () => {
  it(
    'a job whose worker is SIGKILLed mid-run is picked up and completed by another worker',
    async () => {
      const account = await createTestAccount(t.db, (await createTestAgency(t.db)).id);
      // The "long job": the test holds the account row lock, so the crawl's ingest waits inside its transaction.
      const blocker = new pg.Client({ connectionString: t.url });
      // Dropping the database at the end terminates this session if the test failed before COMMIT.
      blocker.on('error', () => undefined);
      openClients.add(blocker);
      await blocker.connect();
      await blocker.query('BEGIN');
      await blocker.query('SELECT id FROM account WHERE id = $1 FOR UPDATE', [account.id]);

      const slot = new Date('2026-08-01T00:00:00Z');
      expect(await sendCrawlJobs(boss, [account.id], slot)).toBe(1);
      const [job] = await boss.findJobs(QUEUES.crawlAccount, { data: { accountId: account.id } });
      if (!job) throw new Error('job not enqueued');

      const first = startWorker();
      first.on('exit', (code, signal) => output.push(`first exited ${code} ${signal}\n`));
      await waitFor(
        'the first worker to take the job',
        async () => (await boss.getJobById(QUEUES.crawlAccount, job.id))?.state === 'active',
      );
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));

      const second = startWorker();
      second.on('exit', (code, signal) => output.push(`second exited ${code} ${signal}\n`));
      await blocker.query('COMMIT');
      await blocker.end();
      openClients.delete(blocker);
      const done = await waitFor('the job to complete', async () => {
        const current = await boss.getJobById(QUEUES.crawlAccount, job.id);
        return current?.state === 'completed' ? current : null;
      });
      expect(done.retryCount).toBeGreaterThanOrEqual(1);
      const runs = await t.db.crawlRun.findMany({ where: { accountId: account.id } });
      expect(runs.map((r) => r.slotKey)).toEqual([`crawl:${account.id}:2026-08-01T00:00:00.000Z`]);

      second.kill('SIGTERM');
      const code = await new Promise<number | null>((r) => second.once('exit', r));
      expect(code).toBe(0);
    },
    2 * BOOT_WAIT_MS + 30_000,
  );

  it('only one of several processes holds the scheduler lock; another takes over when it goes away', async () => {
    const events: string[] = [];
    const a = createLeaderLock({ connectionString: t.url, intervalMs: 200 });
    const b = createLeaderLock({ connectionString: t.url, intervalMs: 200, log: (event) => events.push(event) });
    await a.start();
    await b.start();
    expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
    await a.stop();
    await waitFor('b to take over', async () => b.isLeader(), 5_000);
    expect([a.isLeader(), b.isLeader()]).toEqual([false, true]);

    // A lost connection (terminated by the server) drops leadership; the next check re-acquires it.
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'xunjian-scheduler-lock'`,
    );
    await admin.end();
    await waitFor(
      'b to lose and re-acquire the lock',
      async () => events.join(',') === 'ACQUIRED,LOST,ACQUIRED' || events.join(',') === 'ACQUIRED,ERROR,LOST,ACQUIRED',
      5_000,
    );
    expect(b.isLeader()).toBe(true);
    await b.stop();
  });
});
