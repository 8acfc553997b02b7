import type { PgBoss } from 'pg-boss';
import type { PrismaClient } from '@/lib/db/types';
import { dashboardBaseUrl } from '@/lib/delivery/base-url';
import { planDeliveries, type PlanSummary } from '@/lib/services/plan-deliveries';
import { takeDueDeliveries } from '@/lib/services/take-due-deliveries';
import { sendDeliveryJobs } from '../queue';
import { logJob } from './log';

/** Every minute on the leader: plan messages for new alerts and due digests, then queue what is due. */
export async function runDispatchDeliveries({
  db,
  boss,
  now,
  baseUrl = dashboardBaseUrl(),
}: {
  db: PrismaClient;
  boss: PgBoss;
  now: Date;
  baseUrl?: string;
}): Promise<PlanSummary & { queued: number }> {
  const started = Date.now();
  const plan = await planDeliveries({ db, now, baseUrl });
  const queued = await takeDueDeliveries({ db, now, enqueue: (ids) => sendDeliveryJobs(boss, ids) });
  const summary = { ...plan, queued };
  if (queued || plan.immediate || plan.digests)
    logJob({ job: 'dispatch-deliveries', kind: 'OK', ms: Date.now() - started, ...summary });
  return summary;
}
