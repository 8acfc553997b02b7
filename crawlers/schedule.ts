import type { PgBoss } from 'pg-boss';
import type { PrismaClient } from '@/lib/db/types';
import { runAlerts } from './jobs/alerts';
import { runDispatchPendingInspections } from './jobs/dispatch-pending-inspections';
import { runEnqueueDueCrawls } from './jobs/enqueue-due-crawls';
import { runStartInspection } from './jobs/start-inspection';
import { sendScoreInspection } from './queue';

export type ScheduleDeps = { db: PrismaClient; boss: PgBoss; crawlIntervalMs: number };
export type ScheduleEntry = {
  name: string;
  expression: string;
  timezone: 'Asia/Shanghai';
  /** `now` is the scheduled time (TaskContext.date), not the moment the callback happened to run. */
  job: (deps: ScheduleDeps, now: Date) => Promise<unknown>;
};

/** The cron table. Daily inspections run only for agency codes listed in XUNJIAN_DAILY_INSPECTION_SCOPES. */
export function scheduleTable(env: NodeJS.ProcessEnv = process.env): ScheduleEntry[] {
  const scopes = (env.XUNJIAN_DAILY_INSPECTION_SCOPES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const editionCode = env.XUNJIAN_DAILY_INSPECTION_EDITION || undefined;
  const isCrawling = env.WORKER_CRAWL !== 'off';
  const platformCodes = env.WORKER_CRAWL_PLATFORMS ? env.WORKER_CRAWL_PLATFORMS.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
  return [
    ...(isCrawling
      ? [{
          name: 'enqueue-due-crawls',
          expression: '*/30 * * * *',
          timezone: 'Asia/Shanghai' as const,
          job: ({ db, boss, crawlIntervalMs }: ScheduleDeps, now: Date) => runEnqueueDueCrawls({ now, db, boss, crawlIntervalMs, platformCodes }),
        }]
      : []),
    { name: 'alerts', expression: '7 * * * *', timezone: 'Asia/Shanghai', job: ({ db }, now) => runAlerts({ now, db }) },
    // Inspections started from the dashboard are rows only (no work inside Next.js); this hands them to the queue.
    { name: 'dispatch-pending-inspections', expression: '* * * * *', timezone: 'Asia/Shanghai', job: ({ db, boss }) => runDispatchPendingInspections({ db, boss }) },
    ...scopes.map(
      (scopeAgencyCode): ScheduleEntry => ({
        name: `daily-inspection:${scopeAgencyCode}`,
        expression: '0 3 * * *',
        timezone: 'Asia/Shanghai',
        job: async ({ db, boss }, now) => {
          const { inspectionId } = await runStartInspection({ db, monitoringAt: now, scopeAgencyCode, editionCode });
          return sendScoreInspection(boss, inspectionId);
        },
      }),
    ),
  ];
}
