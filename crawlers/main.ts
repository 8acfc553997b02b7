// `npm run worker`: queue workers (crawl, score) plus the cron table, which only the leader runs.
import cron, { type ScheduledTask } from 'node-cron';
import { createPrismaClient } from '@/lib/db/client';
import { sharedPdfPool } from '@/lib/export/pdf-pool';
import { checkCredentialKey, createCredentialResolver } from '@/lib/services/resolve-credential';
import { startDeliveryJobs } from './delivery-jobs';
import { startExportJobs } from './export-jobs';
import { startHeartbeat } from './heartbeat';
import { runCheckLinks } from './jobs/check-links';
import { runCrawlAccount } from './jobs/crawl-account';
import { logJob } from './jobs/log';
import { runScoreInspection } from './jobs/score-inspection';
import { createLeaderLock } from './leader-lock';
import { createLinkCheckRuntime } from './links/runtime';
import { createMenuReader } from './links/wechat-menu';
import { checkLinksJobSchema, crawlAccountJobSchema, QUEUES, scoreInspectionJobSchema, startBoss } from './queue';
import { createCrawlRuntime } from './runtime';
import { scheduleTable } from './schedule';
import { loadWorkerEnv } from './worker-env';

const env = loadWorkerEnv();
const db = createPrismaClient(env.DATABASE_URL, Math.max(4, env.WORKER_CONCURRENCY + 2));
const boss = await startBoss(env.DATABASE_URL);
const runtime = createCrawlRuntime();
const links = createLinkCheckRuntime();
const credentialKey = await checkCredentialKey({ db });
const credentials = createCredentialResolver({ db });
const crawlIntervalMs = env.WORKER_CRAWL_INTERVAL_MINUTES * 60_000;
const readMenu = createMenuReader({
  context: (now) => runtime.context(now),
  resolveCredential: credentials.resolve,
  log: (line) => console.warn(JSON.stringify(line)),
});
const log = (kind: string, extra: Record<string, unknown> = {}) =>
  logJob({ job: 'worker', kind, ms: 0, pid: process.pid, ...extra });

await boss.work(QUEUES.crawlAccount, { batchSize: 1, localConcurrency: env.WORKER_CONCURRENCY }, async (jobs) => {
  for (const job of jobs) {
    const { accountId, slot, egress } = crawlAccountJobSchema.parse(job.data);
    const now = new Date();
    await runCrawlAccount({
      now,
      db,
      accountId,
      slot: new Date(slot),
      crawlers: runtime.crawlers,
      // The planned identity's proxy carries the crawl (CRAWL_EGRESS_PROXIES); no proxy for it = direct.
      ctx: runtime.context(now, job.signal, egress),
      crawlIntervalMs,
      resolveCredential: credentials.resolve,
      reportCredential: credentials.report,
    });
  }
});
await boss.work(QUEUES.scoreInspection, { batchSize: 1, localConcurrency: 1 }, async (jobs) => {
  for (const job of jobs) {
    const { inspectionId } = scoreInspectionJobSchema.parse(job.data);
    await runScoreInspection({ now: new Date(), db, inspectionId });
  }
});

await boss.work(QUEUES.checkLinks, { batchSize: 1, localConcurrency: 2 }, async (jobs) => {
  for (const job of jobs) {
    const { accountId } = checkLinksJobSchema.parse(job.data);
    await runCheckLinks({
      now: new Date(),
      db,
      accountId,
      checker: links.checker,
      limits: links.limits,
      acceptUrl: links.acceptUrl,
      readMenu,
      signal: job.signal,
    });
  }
});

const exportJobs = await startExportJobs({ db, boss, log });
// WeCom / DingTalk / email messages (docs/notifications.md); planned by the leader's dispatch-deliveries entry.
await startDeliveryJobs({ db, boss });

const leader = createLeaderLock({
  connectionString: env.DATABASE_URL,
  intervalMs: env.WORKER_LEADER_CHECK_SECONDS * 1000,
  log: (event, detail) => log(`LEADER_${event}`, detail ? { detail } : {}),
});
const tasks: ScheduledTask[] = [];
if (env.WORKER_SCHEDULER === 'on') {
  await leader.start();
  const deps = { db, boss, crawlIntervalMs };
  for (const entry of scheduleTable()) {
    const task = cron.schedule(
      entry.expression,
      async (context) => {
        const started = Date.now();
        try {
          await entry.job(deps, context.date);
        } catch (error) {
          logJob({
            job: entry.name,
            kind: 'ERROR',
            ms: Date.now() - started,
            message: error instanceof Error ? error.message : String(error),
          });
        }
      },
      {
        name: entry.name,
        timezone: entry.timezone,
        noOverlap: true,
        distributed: true,
        runCoordinator: { shouldRun: () => leader.isLeader() },
      },
    );
    tasks.push(task);
  }
}
// Written once the queues are served: a row means jobs will be picked up (the dashboard's worker banner).
const heartbeat = await startHeartbeat({ db, log });
log('STARTED', {
  concurrency: env.WORKER_CONCURRENCY,
  scheduler: env.WORKER_SCHEDULER,
  credentialKey,
  proxiedEgresses: runtime.proxiedEgresses,
});

let isStopping = false;
async function shutdown(signal: string): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  log('STOPPING', { signal });
  for (const task of tasks) await task.stop();
  await heartbeat.stop();
  exportJobs.stop();
  await boss.stop({ graceful: true, timeout: env.WORKER_STOP_TIMEOUT_SECONDS * 1000 });
  await runtime.close();
  await sharedPdfPool().close();
  await leader.stop();
  await db.$disconnect();
  log('STOPPED');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
