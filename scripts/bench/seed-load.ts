// npx tsx scripts/bench/seed-load.ts [--database xunjian_load] [--accounts 50000] [--months 12]
// A kept local database for `npm run bench:load`: the bench:dashboard province tree (the shape of
// scripts/bench/agency-tree.ts: 16 cities, 8 counties each, ten accounts per department, 30 covered days and ten
// posts per account behind one finished crawl read through now, every 7th account silent for 20 days, every 11th
// with an advertisement; the rows generated in SQL, which is many times faster than createMany on a busy machine),
// scored by the real runInspection, plus one inspection per earlier month back to --months (the scores of the real
// one copied, so a year of history weighs on the latest-score and trend queries), the demo users granted on the
// tree's root, and ANALYZE. Drops and recreates the database; prints the ids bench:load takes.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createPrismaClient } from '@/lib/db/client';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { runInspection } from '@/lib/services/run-inspection';
import { seedDemoUsers } from '@/lib/services/seed-demo-users';
import { DAY_MS } from '@/lib/time';
import type { PrismaClient } from '@/lib/db/types';
import { recordSeedCrawlRuns } from './agency-tree';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'xunjian_load' },
    accounts: { type: 'string', default: '50000' },
    months: { type: 'string', default: '12' },
  },
});
const admin = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(new URL(admin).hostname))
  throw new Error('seed-load: local databases only');
const name = values.database!;
if (!/^[a-z0-9_]+$/.test(name)) throw new Error('seed-load: --database must be [a-z0-9_]+');
const url = new URL(admin);
url.pathname = `/${name}`;

const c = new pg.Client({ connectionString: admin });
await c.connect();
await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await c.query(`CREATE DATABASE "${name}"`);
await c.end();
execFileSync(process.execPath, ['scripts/prisma-wasm-migrate.mjs', 'deploy'], {
  env: { ...process.env, DATABASE_URL: url.toString() },
  stdio: 'ignore',
});

const CITIES = 16;
const COUNTIES_PER_CITY = 8;

async function seedTree(db: PrismaClient, accounts: number, now: Date) {
  const root = await db.agency.create({ data: { name: '基准省', level: 'PROVINCE', code: 'bench' } });
  const departmentsPerCounty = Math.max(1, Math.ceil(accounts / (CITIES * COUNTIES_PER_CITY * 10)));
  let countyId = '';
  for (let c = 0; c < CITIES; c += 1) {
    const city = await db.agency.create({
      data: { name: `基准市${c}`, level: 'CITY', parentId: root.id, ancestorIds: [root.id] },
    });
    for (let k = 0; k < COUNTIES_PER_CITY; k += 1) {
      const county = await db.agency.create({
        data: { name: `基准县${c}-${k}`, level: 'COUNTY', parentId: city.id, ancestorIds: [root.id, city.id] },
      });
      countyId ||= county.id;
      await db.agency.createMany({
        data: Array.from({ length: departmentsPerCounty }, (_, d) => ({
          name: `基准县${c}-${k}部门${d}`,
          level: 'DEPARTMENT' as const,
          parentId: county.id,
          ancestorIds: [root.id, city.id, county.id],
        })),
      });
    }
  }
  const departments = CITIES * COUNTIES_PER_CITY * departmentsPerCounty;
  await db.$executeRaw`
    WITH d AS (SELECT id, (row_number() OVER (ORDER BY name) - 1)::int AS k
               FROM agency WHERE level = 'DEPARTMENT' AND ${root.id}::uuid = ANY(ancestor_ids))
    INSERT INTO account (id, agency_id, platform_code, handle, display_name, filing_status, updated_at)
    SELECT gen_random_uuid(), d.id, 'WEIBO', (7500000000 + i)::text, '基准县' || (i % 97) || '发布' || i, 'FILED', ${now}
    FROM generate_series(0, ${accounts - 1}::int) i JOIN d ON d.k = i % ${departments}::int`;
  await db.$executeRaw`
    INSERT INTO crawl_coverage (account_id, day, status, updated_at)
    SELECT a.id, (${now}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date - d, 'COVERED', ${now}
    FROM account a, generate_series(0, 29) d`;
  await db.$executeRaw`
    INSERT INTO post (id, account_id, platform_post_id, text, published_at, content_hash, first_seen_at, last_seen_at)
    SELECT gen_random_uuid(), a.id, a.handle || p,
           CASE WHEN a.i % 11 = 0 AND p = 0 THEN '本店低价出售名牌，加微信详聊' ELSE '第' || p || '条政务信息发布，账号' || a.i || '。' END,
           ${now}::timestamptz - ((CASE WHEN a.i % 7 = 0 THEN 20 ELSE 1 END) + p * 3) * interval '1 day',
           a.handle || p, ${now}, ${now}
    FROM (SELECT id, handle, handle::bigint - 7500000000 AS i FROM account) a, generate_series(0, 9) p`;
  await db.$executeRaw`
    UPDATE account a SET last_post_at = p.last_post_at
    FROM (SELECT account_id, max(published_at) AS last_post_at FROM post
          WHERE is_pinned = false AND deleted_detected_at IS NULL GROUP BY account_id) p
    WHERE p.account_id = a.id`;
  await recordSeedCrawlRuns(db, root.id, now);
  return {
    rootId: root.id,
    countyId,
    agencies: await db.agency.count(),
    accounts,
    posts: await db.post.count(),
  };
}

const db = createPrismaClient(url.toString(), 8);
try {
  await ensureScoringConfig(db);
  const now = new Date();
  let t = performance.now();
  const tree = await seedTree(db, Number(values.accounts), now);
  await seedDemoUsers({ rootAgencyId: tree.rootId, db });
  console.log(
    `${tree.agencies} agencies, ${tree.accounts} accounts, ${tree.posts} posts in ${((performance.now() - t) / 1000).toFixed(0)} s`,
  );
  t = performance.now();
  const { id } = await createInspection({
    access: null,
    input: {
      name: '基准检查',
      monitoringAt: now,
      scopeAgencyId: tree.rootId,
      scope: 'TREE',
      editionCode: 'national-2019',
    },
    db,
  });
  await runInspection({ db, inspectionId: id, now });
  console.log(`inspection of the tree in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  // Earlier months: same scores under inspections dated a month apart (findings stay with the real one).
  for (let m = 1; m < Number(values.months); m += 1) {
    const at = new Date(now.getTime() - m * 30 * DAY_MS);
    await db.$executeRaw`
      WITH i AS (
        INSERT INTO inspection (id, name, monitoring_at, scope_agency_id, scope, edition_id, status, created_at, finished_at)
        SELECT gen_random_uuid(), ${`基准检查 −${m} 月`}, ${at}, scope_agency_id, scope, edition_id, status, ${at}, ${at}
        FROM inspection WHERE id = ${id}::uuid RETURNING id)
      INSERT INTO score (id, inspection_id, account_id, edition_id, result, total, bonus, breakdown, veto_codes,
                         pending_veto_codes, coverage, input_hash, computed_at)
      SELECT gen_random_uuid(), i.id, s.account_id, s.edition_id, s.result, s.total, s.bonus, s.breakdown, s.veto_codes,
             s.pending_veto_codes, s.coverage, s.input_hash, ${at}
      FROM score s, i WHERE s.inspection_id = ${id}::uuid`;
  }
  await db.$executeRawUnsafe('ANALYZE');
  const [scores, findings] = await Promise.all([db.score.count(), db.finding.count()]);
  const account = await db.account.findFirstOrThrow({ where: { handle: '7500000007' }, select: { id: true } });
  console.log(`${scores} scores over ${values.months} months, ${findings} findings; database ${name}`);
  console.log(`--agency-id ${tree.rootId} --account-id ${account.id}   (a county: ${tree.countyId})`);
} finally {
  await db.$disconnect();
}
