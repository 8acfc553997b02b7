import type { PrismaClient } from '@/lib/db/types';
import { DAY_MS, dayToDate, shanghaiDay } from '@/lib/time';

const CITIES = 16;
const COUNTIES_PER_CITY = 8;

/**
 * A province → cities → counties → departments tree holding `accounts` Weibo accounts, each with one covered
 * crawl day per day of the last 30 and a post every 3 days; every 7th account has gone quiet for 20 days and
 * every 11th posted an advertisement, so the inspection produces vetoes and deductions to list.
 */
export async function seedAgencyTree(db: PrismaClient, accounts: number, now: Date) {
  const root = await db.agency.create({ data: { name: '基准省', level: 'PROVINCE', code: 'bench' } });
  const departments: Array<{ id: string; ancestorIds: string[] }> = [];
  let countyId = '';
  // About ten accounts per department, as in the demo province.
  const departmentsPerCounty = Math.max(1, Math.ceil(accounts / (CITIES * COUNTIES_PER_CITY * 10)));
  for (let c = 0; c < CITIES; c += 1) {
    const city = await db.agency.create({
      data: { name: `基准市${c}`, level: 'CITY', parentId: root.id, ancestorIds: [root.id] },
    });
    for (let k = 0; k < COUNTIES_PER_CITY; k += 1) {
      const county = await db.agency.create({
        data: { name: `基准县${c}-${k}`, level: 'COUNTY', parentId: city.id, ancestorIds: [root.id, city.id] },
      });
      countyId ||= county.id;
      const ancestorIds = [root.id, city.id, county.id];
      const rows = Array.from({ length: departmentsPerCounty }, (_, d) => ({
        name: `基准县${c}-${k}部门${d}`,
        level: 'DEPARTMENT' as const,
        parentId: county.id,
        ancestorIds,
      }));
      const created = await db.agency.createManyAndReturn({ data: rows, select: { id: true, ancestorIds: true } });
      departments.push(...created);
    }
  }
  let posts = 0;
  for (let start = 0; start < accounts; start += 2000) {
    const batch = Array.from({ length: Math.min(2000, accounts - start) }, (_, j) => {
      const i = start + j;
      const dept = departments[i % departments.length];
      return {
        agencyId: dept?.id ?? root.id,
        platformCode: 'WEIBO',
        handle: String(7_500_000_000 + i),
        displayName: `基准县${i % 97}发布${i}`,
        filingStatus: 'FILED' as const,
      };
    });
    const created = await db.account.createManyAndReturn({ data: batch, select: { id: true, handle: true } });
    const coverage = created.flatMap((a) =>
      Array.from({ length: 30 }, (_, d) => ({
        accountId: a.id,
        day: dayToDate(shanghaiDay(new Date(now.getTime() - d * DAY_MS))),
        status: 'COVERED' as const,
      })),
    );
    await db.crawlCoverage.createMany({ data: coverage, skipDuplicates: true });
    const postRows = created.flatMap((a) => {
      const i = Number(a.handle) - 7_500_000_000;
      const firstDay = i % 7 === 0 ? 20 : 1;
      return Array.from({ length: 10 }, (_, p) => ({
        accountId: a.id,
        platformPostId: `${a.handle}${p}`,
        text: i % 11 === 0 && p === 0 ? '本店低价出售名牌，加微信详聊' : `第${p}条政务信息发布，账号${i}。`,
        publishedAt: new Date(now.getTime() - (firstDay + p * 3) * DAY_MS),
        contentHash: `${a.handle}${p}`,
        firstSeenAt: now,
        lastSeenAt: now,
      }));
    });
    await db.post.createMany({ data: postRows });
    posts += postRows.length;
  }
  // createMany bypasses ingest, so fill the read model the way the migration's backfill does.
  await db.$executeRaw`
    UPDATE account a SET last_post_at = p.last_post_at
    FROM (SELECT account_id, max(published_at) AS last_post_at FROM post
          WHERE is_pinned = false AND deleted_detected_at IS NULL GROUP BY account_id) p
    WHERE p.account_id = a.id`;
  await recordSeedCrawlRuns(db, root.id, now);
  return { rootId: root.id, countyId, agencies: await db.agency.count(), accounts, posts };
}

/**
 * One finished crawl per account of the tree, read through `now`, behind its covered days: without it every day is
 * covered by no run, nothing is read through the monitoring time, and an inspection at `now` scores every silent
 * account INSUFFICIENT_DATA (docs/scoring.md "Read up to when") instead of the vetoes a real province has.
 */
export async function recordSeedCrawlRuns(db: PrismaClient, rootId: string, now: Date) {
  await db.$executeRaw`
    INSERT INTO crawl_run (id, account_id, slot_key, status, requested_at, started_at, finished_at, coverage_from,
                           coverage_to, posts_seen, facts_read, fetched_at)
    SELECT gen_random_uuid(), a.id, 'bench-seed:' || a.id, 'SUCCEEDED', ${now}, ${now}, ${now},
           ${now}::timestamptz - interval '30 days', ${now}, 10, ARRAY['posts', 'profile']::text[], ${now}
    FROM account a JOIN agency g ON g.id = a.agency_id
    WHERE g.id = ${rootId}::uuid OR ${rootId}::uuid = ANY(g.ancestor_ids)`;
  await db.$executeRaw`
    UPDATE crawl_coverage c SET crawl_run_id = r.id, facts = r.facts_read
    FROM crawl_run r WHERE r.account_id = c.account_id AND r.slot_key = 'bench-seed:' || c.account_id`;
}
