import { PgBoss, type Job, type Queue } from 'pg-boss';
import { z } from 'zod';
import { deterministicJobId, slotStart } from './jobs/slots';

export const QUEUES = {
  crawlAccount: 'crawl-account',
  crawlAccountDead: 'crawl-account-dead',
  scoreInspection: 'score-inspection',
  scoreInspectionDead: 'score-inspection-dead',
  checkLinks: 'check-links',
  checkLinksDead: 'check-links-dead',
  deliverMessage: 'deliver-message',
  deliverMessageDead: 'deliver-message-dead',
} as const;
export const PGBOSS_SCHEMA = 'pgboss';

/** `egress`: the egress identity the crawl plan chose (CRAWL_EGRESSES); absent on jobs from before the planner. */
export const crawlAccountJobSchema = z.object({
  accountId: z.uuid(),
  slot: z.iso.datetime(),
  egress: z.string().optional(),
});
export type CrawlAccountJob = z.infer<typeof crawlAccountJobSchema>;
export const scoreInspectionJobSchema = z.object({ inspectionId: z.uuid() });
export type ScoreInspectionJob = z.infer<typeof scoreInspectionJobSchema>;
export const checkLinksJobSchema = z.object({ accountId: z.uuid(), slot: z.iso.datetime() });
export type CheckLinksJob = z.infer<typeof checkLinksJobSchema>;
export const deliverMessageJobSchema = z.object({ deliveryId: z.uuid() });
export type DeliverMessageJob = z.infer<typeof deliverMessageJobSchema>;

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
    { name: QUEUES.checkLinksDead, ...dead },
    { name: QUEUES.deliverMessageDead, ...dead },
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
    {
      // A run checks at most LINK_CHECK_MAX_PER_ACCOUNT links, one request at a time per host; no retry: the next slot checks again.
      name: QUEUES.checkLinks,
      expireInSeconds: envSeconds('WORKER_LINK_CHECK_EXPIRE_SECONDS', 900),
      retryLimit: 0,
      deleteAfterSeconds: 86_400,
      retentionSeconds: 6 * 3600,
      deadLetter: QUEUES.checkLinksDead,
    },
    {
      // One try per attempt of a WeCom/DingTalk/email message (docs/notifications.md); a try may wait up to a minute
      // for its channel's rate limit. Backoff 30 s, 60 s, 120 s … then the dead-letter queue and DEAD in the log.
      name: QUEUES.deliverMessage,
      expireInSeconds: 300,
      retryLimit: envSeconds('WORKER_DELIVERY_RETRY_LIMIT', 4),
      retryDelay: envSeconds('WORKER_DELIVERY_RETRY_DELAY_SECONDS', 30),
      retryBackoff: true,
      retryDelayMax: 3600,
      deleteAfterSeconds: 7 * 86_400,
      deadLetter: QUEUES.deliverMessageDead,
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
  boss.on('error', (error: unknown) =>
    console.error(
      JSON.stringify({ at: new Date().toISOString(), job: 'pg-boss', kind: 'ERROR', message: String(error) }),
    ),
  );
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
    return {
      id: deterministicJobId(`crawl:${key}`),
      singletonKey: key,
      data: { accountId, slot: slotIso } satisfies CrawlAccountJob,
    };
  });
  const ids = await boss.insert(QUEUES.crawlAccount, jobs, { returnId: true });
  return ids?.length ?? 0;
}

export type PlannedCrawlJob = { accountId: string; egress: string; startAfter: Date };

/**
 * The crawl plan's jobs for one slot: the id still comes from account + slot (a repeated tick inserts nothing), the
 * job waits until its planned send time (`startAfter`, the politeness spacing per host and egress) and names its egress.
 */
export async function sendPlannedCrawlJobs(
  boss: PgBoss,
  planned: readonly PlannedCrawlJob[],
  slot: Date,
): Promise<number> {
  if (planned.length === 0) return 0;
  const slotIso = slotStart(slot).toISOString();
  const jobs = planned.map(({ accountId, egress, startAfter }) => {
    const key = `${accountId}:${slotIso}`;
    return {
      id: deterministicJobId(`crawl:${key}`),
      singletonKey: key,
      startAfter,
      data: { accountId, slot: slotIso, egress } satisfies CrawlAccountJob,
    };
  });
  const ids = await boss.insert(QUEUES.crawlAccount, jobs, { returnId: true });
  return ids?.length ?? 0;
}

export type CrawlJobRef = { accountId: string; slot: string; egress: string | null; isOpen: boolean };

/**
 * Crawl jobs the planner must know of: every open one (created, retry, active: the account is in flight) and every
 * one whose slot is at or after `slotFrom` (today's, for the egress budgets and the slots already planned).
 */
export async function listCrawlJobsForPlan(boss: PgBoss, slotFrom: Date): Promise<CrawlJobRef[]> {
  const { rows } = await boss.getDb().executeSql(
    `SELECT data->>'accountId' AS account_id, data->>'slot' AS slot, data->>'egress' AS egress,
       state IN ('created', 'retry', 'active') AS is_open
     FROM ${PGBOSS_SCHEMA}.job
     WHERE name = $1 AND (state IN ('created', 'retry', 'active') OR data->>'slot' >= $2)`,
    [QUEUES.crawlAccount, slotFrom.toISOString()],
  );
  return (rows as { account_id: string; slot: string; egress: string | null; is_open: boolean }[]).map((r) => ({
    accountId: r.account_id,
    slot: r.slot,
    egress: r.egress,
    isOpen: r.is_open,
  }));
}

/** One link-check job per account per slot (LINK_CHECK_SLOT_MS); a repeated tick inserts nothing. */
export async function sendLinkCheckJobs(boss: PgBoss, accountIds: string[], slot: Date): Promise<number> {
  if (accountIds.length === 0) return 0;
  const slotIso = slot.toISOString();
  const jobs = accountIds.map((accountId) => {
    const key = `${accountId}:${slotIso}`;
    return {
      id: deterministicJobId(`links:${key}`),
      singletonKey: key,
      data: { accountId, slot: slotIso } satisfies CheckLinksJob,
    };
  });
  const ids = await boss.insert(QUEUES.checkLinks, jobs, { returnId: true });
  return ids?.length ?? 0;
}

export async function sendScoreInspection(boss: PgBoss, inspectionId: string): Promise<string | null> {
  const data: ScoreInspectionJob = { inspectionId };
  return boss.send(QUEUES.scoreInspection, data, { id: deterministicJobId(`score:${inspectionId}`) });
}

/** One job per delivery row: the id is derived from it, so a second dispatch of the same row inserts nothing. */
export async function sendDeliveryJobs(boss: PgBoss, deliveryIds: string[]): Promise<void> {
  if (deliveryIds.length === 0) return;
  const jobs = deliveryIds.map((deliveryId) => ({
    id: deterministicJobId(`deliver:${deliveryId}`),
    data: { deliveryId } satisfies DeliverMessageJob,
  }));
  await boss.insert(QUEUES.deliverMessage, jobs);
}

export type { Job, PgBoss };
