import type { PgBoss } from 'pg-boss';
import type { PrismaClient } from '@/lib/db/types';
import { startInspection } from '@/lib/services/start-inspection';
import { beijingDayEnd, lastCompleteBeijingDay } from '@/lib/time';
import { runAlerts } from './jobs/alerts';
import { runApplyRetention } from './jobs/apply-retention';
import { runEnqueueLinkChecks } from './jobs/check-links';
import { runDispatchDeliveries } from './jobs/dispatch-deliveries';
import { runDispatchPendingInspections } from './jobs/dispatch-pending-inspections';
import { runEnqueueDueCrawls } from './jobs/enqueue-due-crawls';
import { runMaintainPartitions } from './jobs/maintain-partitions';
import { parsePlanEnv } from './planning/plan-config';
import { runPruneRawArchive } from './jobs/prune-raw-archive';
import { runSettleInspections } from './jobs/settle-inspections';
import { sendScoreInspection } from './queue';

export type ScheduleDeps = { db: PrismaClient; boss: PgBoss; crawlIntervalMs: number };
export type ScheduleEntry = {
  name: string;
  expression: string;
  timezone: 'Asia/Shanghai';
  /** `now` is the scheduled time (TaskContext.date), not the moment the callback happened to run. */
  job: (deps: ScheduleDeps, now: Date) => Promise<unknown>;
};

/** The daily inspection's monitoring date: the end of the Beijing day before `now`. */
export const dailyInspectionMonitoringAt = (now: Date): Date => beijingDayEnd(lastCompleteBeijingDay(now));

/** The cron table. Daily inspections run only for agency codes listed in XUNJIAN_DAILY_INSPECTION_SCOPES. */
export function scheduleTable(env: NodeJS.ProcessEnv = process.env): ScheduleEntry[] {
  const scopes = (env.XUNJIAN_DAILY_INSPECTION_SCOPES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const editionCode = env.XUNJIAN_DAILY_INSPECTION_EDITION || undefined;
  const isCrawling = env.WORKER_CRAWL !== 'off';
  const isCheckingLinks = isCrawling && env.WORKER_LINK_CHECKS !== 'off';
  const platformCodes = env.WORKER_CRAWL_PLATFORMS
    ? env.WORKER_CRAWL_PLATFORMS.split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
  // Invalid CRAWL_* plan settings stop the worker at start, not at the first tick.
  const planEnv = isCrawling ? parsePlanEnv(env) : undefined;
  return [
    ...(isCrawling
      ? [
          {
            name: 'enqueue-due-crawls',
            expression: '*/30 * * * *',
            timezone: 'Asia/Shanghai' as const,
            job: ({ db, boss }: ScheduleDeps, now: Date) =>
              runEnqueueDueCrawls({ now, db, boss, platformCodes, planEnv }),
          },
        ]
      : []),
    // D6: hourly, so a link that failed is checked again in the first slot the edition's minHoursApart (1 h) later.
    ...(isCheckingLinks
      ? [
          {
            name: 'enqueue-link-checks',
            expression: '23 * * * *',
            timezone: 'Asia/Shanghai' as const,
            job: ({ db, boss }: ScheduleDeps, now: Date) => runEnqueueLinkChecks({ now, db, boss }),
          },
        ]
      : []),
    {
      name: 'alerts',
      expression: '7 * * * *',
      timezone: 'Asia/Shanghai',
      job: ({ db }, now) => runAlerts({ now, db }),
    },
    // Raw answers not seen for RAW_ARCHIVE_RETENTION_DAYS (default 400) are deleted once a day (docs/crawlers.md).
    {
      name: 'prune-raw-archive',
      expression: '41 4 * * *',
      timezone: 'Asia/Shanghai',
      job: ({ db }, now) => runPruneRawArchive({ now, db, env }),
    },
    // Monthly partitions of post, comment and crawl_coverage for this month and the next three (docs/retention.md).
    {
      name: 'maintain-partitions',
      expression: '31 4 * * *',
      timezone: 'Asia/Shanghai',
      job: ({ db }, now) => runMaintainPartitions({ now, db }),
    },
    // Comments and profile snapshots past COMMENT_/SNAPSHOT_RETENTION_MONTHS (default 24), findings' evidence kept;
    // sent and dead notification deliveries past DELIVERY_RETENTION_DAYS (default 180).
    {
      name: 'apply-retention',
      expression: '51 4 * * *',
      timezone: 'Asia/Shanghai',
      job: ({ db }, now) => runApplyRetention({ now, db, env }),
    },
    // Inspections started from the dashboard are rows only (no work inside Next.js); this hands them to the queue.
    {
      name: 'dispatch-pending-inspections',
      expression: '* * * * *',
      timezone: 'Asia/Shanghai',
      job: ({ db, boss }) => runDispatchPendingInspections({ db, boss }),
    },
    // Inspections whose accounts waited on a read (V2/D1/D5 NOT_READ_THROUGH, suspected V2): re-scored once a
    // crawl read them up to the monitoring date (docs/scoring.md "Settling").
    {
      name: 'settle-inspections',
      expression: '*/10 * * * *',
      timezone: 'Asia/Shanghai',
      job: ({ db }, now) => runSettleInspections({ now, db }),
    },
    // Alert messages: new alerts of immediate subscriptions, digests whose Beijing time has come (docs/notifications.md).
    {
      name: 'dispatch-deliveries',
      expression: '* * * * *',
      timezone: 'Asia/Shanghai',
      job: ({ db, boss }, now) => runDispatchDeliveries({ db, boss, now }),
    },
    ...scopes.map((scopeAgencyCode): ScheduleEntry => ({
      name: `daily-inspection:${scopeAgencyCode}`,
      expression: '0 3 * * *',
      timezone: 'Asia/Shanghai',
      // Monitors the last complete Beijing day (up to 23:59:59.999 yesterday), which the crawls after midnight read
      // through; a monitoring date of 03:00 today would leave every silent account undecided until the next read.
      job: async ({ db, boss }, now) => {
        const monitoringAt = dailyInspectionMonitoringAt(now);
        const { inspectionId } = await startInspection({ db, monitoringAt, scopeAgencyCode, editionCode });
        return sendScoreInspection(boss, inspectionId);
      },
    })),
  ];
}
