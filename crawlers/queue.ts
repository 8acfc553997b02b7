import { PgBoss, type Job, type Queue } from 'pg-boss';
import { z } from 'zod';
import { deterministicJobId, slotStart } from './jobs/slots';

export const QUEUES = {
  crawlAccount: 'crawl-account',
  crawlAccountDead: 'crawl-account-dead',
  scoreInspection: 'score-inspection',
  scoreInspectionDead: 'score-inspection-dead',
} as const;
export const PGBOSS_SCHEMA = 'pgboss';

export const crawlAccountJobSchema = z.object({ accountId: z.uuid(), slot: z.iso.datetime() });
export type CrawlAccountJob = z.infer<typeof crawlAccountJobSchema>;
export const scoreInspectionJobSchema = z.object({ inspectionId: z.uuid() });
export type ScoreInspectionJob = z.infer<typeof scoreInspectionJobSchema>;

const envSeconds = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
};

/** Queue options; a killed worker's active job expires after `expireInSeconds` and is retried by another worker. */
export function queueDefinitions(): Array<Queue & { name: string }> {
  const dead = { retentionSeconds: 30 * 86_400, deleteAfterSeconds: 30 * 86_400, retryLimit: 0 };
  return [
    { name: QUEUES.crawlAccountDead, ...dead },
    { name: QUEUES.scoreInspectionDead, ...dead },
    {
      name: QUEUES.crawlAccount,
      expireInSeconds: envSeconds('WORKER_CRAWL_EXPIRE_SECONDS', 600),
      retryLimit: envSeconds('WORKER_CRAWL_RETRY_LIMIT', 3),
      retryDelay: envSeconds('WORKER_CRAWL_RETRY_DELAY_SECONDS', 30),
      retryBackoff: true,
      retryDelayMax: 1800,
      // Completed jobs stay for a day so a re-sent slot id still collides and is dropped.
      deleteAfterSeconds: 86_400,
      retentionSeconds: 6 * 3600,
      deadLetter: QUEUES.crawlAccountDead,
    },
    {
      name: QUEUES.scoreInspection,
      expireInSeconds: envSeconds('WORKER_SCORE_EXPIRE_SECONDS', 3600),
      retryLimit: 2,
      retryDelay: 60,
      retryBackoff: true,
      deleteAfterSeconds: 7 * 86_400,
      deadLetter: QUEUES.scoreInspectionDead,
    },
  ];
}

export function createBoss(connectionString: string, options: { isSupervisor?: boolean } = {}): PgBoss {
  return new PgBoss({
    connectionString,
    schema: PGBOSS_SCHEMA,
    application_name: 'xunjian-worker',
    max: envSeconds('WORKER_QUEUE_POOL_SIZE', 4),
    supervise: options.isSupervisor ?? true,
    superviseIntervalSeconds: envSeconds('WORKER_SUPERVISE_SECONDS', 30),
    monitorIntervalSeconds: envSeconds('WORKER_SUPERVISE_SECONDS', 30),
    schedule: false,
  });
}

/** Creates every queue (a no-op when it exists) and applies the current options to existing ones. */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const { name, ...options } of queueDefinitions()) {
    await boss.createQueue(name, options);
    const { policy: _p, partition: _part, ...updatable } = options;
    await boss.updateQueue(name, updatable);
  }
}

/** Starts pg-boss on the application database (own schema) with every queue in place. */
export async function startBoss(connectionString: string, options: { isSupervisor?: boolean } = {}): Promise<PgBoss> {
  const boss = createBoss(connectionString, options);
  boss.on('error', (error: unknown) => console.error(JSON.stringify({ at: new Date().toISOString(), job: 'pg-boss', kind: 'ERROR', message: String(error) })));
  await boss.start();
  await ensureQueues(boss);
  return boss;
}

/** One job per account per slot: the id is derived from both, so a repeated tick or a second process inserts nothing. */
export async function sendCrawlJobs(boss: PgBoss, accountIds: string[], slot: Date): Promise<number> {
  if (accountIds.length === 0) return 0;
  const slotIso = slotStart(slot).toISOString();
  const jobs = accountIds.map((accountId) => {
    const key = `${accountId}:${slotIso}`;
    return { id: deterministicJobId(`crawl:${key}`), singletonKey: key, data: { accountId, slot: slotIso } satisfies CrawlAccountJob };
  });
  const ids = await boss.insert(QUEUES.crawlAccount, jobs, { returnId: true });
  return ids?.length ?? 0;
}

export async function sendScoreInspection(boss: PgBoss, inspectionId: string): Promise<string | null> {
  const data: ScoreInspectionJob = { inspectionId };
  return boss.send(QUEUES.scoreInspection, data, { id: deterministicJobId(`score:${inspectionId}`) });
}

export type { Job, PgBoss };
