// `npm run bench:schedule -- --worker-tick <accounts>`: the worker's own enqueue-due-crawls tick on a scratch local
// PostgreSQL database (accounts on WeChat/Weibo/RSS, one crawl run per account per day for the 14-day window, 3 %
// failed), so the cost of loading the plan state, planning and inserting the jobs is measured, not assumed.
import { runEnqueueDueCrawls } from '@/crawlers/jobs/enqueue-due-crawls';
import type { PlanEnv } from '@/crawlers/planning/plan-config';
import { startBoss } from '@/crawlers/queue';
import { createPrismaClient } from '@/lib/db/client';
import { loadCrawlPlanState } from '@/lib/services/load-crawl-plan-state';
import { createScratchDatabase } from './scratch-database';

export type WorkerTickResult = {
  accounts: number;
  runs: number;
  seedMs: number;
  loadMs: number;
  tickMs: number;
  repeatMs: number;
  due: number;
  enqueued: number;
  deferred: number;
  refreshes: number;
  repeatEnqueued: number;
};

export async function measureWorkerTick(accounts: number, planEnv: PlanEnv, now: Date): Promise<WorkerTickResult> {
  const scratch = await createScratchDatabase();
  const db = createPrismaClient(scratch.url, 4);
  const boss = await startBoss(scratch.url, { isSupervisor: false });
  try {
    let t = performance.now();
    const agency = await db.agency.create({ data: { name: '基准省', level: 'PROVINCE', code: 'bench-plan' } });
    await db.$executeRaw`
      INSERT INTO account (id, agency_id, platform_code, handle, display_name, last_post_at, updated_at)
      SELECT gen_random_uuid(), ${agency.id}::uuid,
        CASE WHEN i % 1000 < 710 THEN 'WECHAT' WHEN i % 1000 < 953 THEN 'WEIBO' ELSE 'RSS' END,
        'bench-' || i, '基准账号' || i,
        ${now}::timestamptz - random() * interval '20 days', now()
      FROM generate_series(1, ${accounts}::int) i`;
    // random() in the select list: drawn per account and day (a LATERAL on d alone would be evaluated once per d).
    await db.$executeRaw`
      INSERT INTO crawl_run (id, account_id, slot_key, status, requested_at, started_at, finished_at, fetched_at,
        coverage_from, coverage_to)
      SELECT gen_random_uuid(), r.account_id, 'bench:' || r.account_id || ':' || r.d, r.status::"CrawlStatus",
        r.at, r.at, r.at,
        CASE WHEN r.status = 'SUCCEEDED' THEN r.at END,
        CASE WHEN r.status = 'SUCCEEDED' THEN r.at - interval '1 day' END,
        CASE WHEN r.status = 'SUCCEEDED' THEN r.at END
      FROM (
        SELECT a.id AS account_id, d, CASE WHEN random() < 0.03 THEN 'FAILED' ELSE 'SUCCEEDED' END AS status,
          ${now}::timestamptz - d * interval '1 day' + random() * interval '20 hours' AS at
        FROM account a CROSS JOIN generate_series(1, 14) d
      ) r`;
    await db.$executeRawUnsafe('ANALYZE account');
    await db.$executeRawUnsafe('ANALYZE crawl_run');
    const runs = await db.crawlRun.count();
    const seedMs = performance.now() - t;

    t = performance.now();
    await loadCrawlPlanState(db, { since: new Date(now.getTime() - planEnv.CRAWL_LIMIT_DAYS * 86_400_000) });
    const loadMs = performance.now() - t;

    t = performance.now();
    const tick = await runEnqueueDueCrawls({ now, db, boss, planEnv });
    const tickMs = performance.now() - t;
    t = performance.now();
    const repeat = await runEnqueueDueCrawls({ now, db, boss, planEnv });
    const repeatMs = performance.now() - t;
    return {
      accounts,
      runs,
      seedMs,
      loadMs,
      tickMs,
      repeatMs,
      due: tick.due,
      enqueued: tick.enqueued,
      deferred: tick.deferred,
      refreshes: tick.refreshes,
      repeatEnqueued: repeat.enqueued,
    };
  } finally {
    await boss.stop({ graceful: false, close: true });
    await db.$disconnect();
    await scratch.drop();
  }
}
