// `npm run bench:dashboard`: a province tree of BENCH_DASHBOARD_ACCOUNTS (default 50 000) accounts in a scratch
// local database, scored by the real runInspection, then the dashboard's server-side queries timed at the root
// scope (what the overview, agency scorecard, findings queue, rectifications and admin account list run per
// request). Prints medians of 5 calls; the scratch database is dropped afterwards.
// `--database <name>` times a kept local database instead (the province of scripts/bench/seed-load.ts with a year of
// monthly inspections): nothing is seeded, scored or dropped.
import type { Access } from '@/lib/access';
import { createPrismaClient } from '@/lib/db/client';
import { countOverview, summarizeAccountActivity } from '@/lib/data/overview';
import { listQuarterResults, summarizeLatestResults } from '@/lib/data/score-trends';
import { ZOMBIE_VETO_CODE } from '@/lib/scoring/figures/zombies';
import { findingFilterSchema } from '@/lib/schemas/finding';
import { parseArgs } from 'node:util';
import { listAdminAccounts } from '@/lib/services/admin-accounts';
import { getAccountDetail } from '@/lib/services/get-account-detail';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { getAgencyScorecard } from '@/lib/services/get-agency-scorecard';
import { getOverview } from '@/lib/services/get-overview';
import { listFindings } from '@/lib/services/list-findings';
import { runInspection } from '@/lib/services/run-inspection';
import { seedAgencyTree } from './bench/agency-tree';
import { createScratchDatabase, localDatabaseUrl } from './bench/scratch-database';
import { DAY_MS } from '@/lib/time';

const ACCOUNTS = Number(process.env.BENCH_DASHBOARD_ACCOUNTS ?? 50_000);

async function median(label: string, fn: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(52)} ${ms[2]?.toFixed(1).padStart(8)} ms (min ${ms[0]?.toFixed(1)}, max ${ms[4]?.toFixed(1)})`,
  );
}

const { values } = parseArgs({ options: { database: { type: 'string' } } });

/** The kept database of `--database` (local server only), or a scratch database seeded and scored here. */
async function openDatabase() {
  if (values.database)
    return { name: values.database, url: localDatabaseUrl(values.database), drop: async () => {}, kept: true };
  return { ...(await createScratchDatabase()), kept: false };
}

/** The kept province: its root, a county and an account (scripts/bench/seed-load.ts names the root 基准省). */
async function findTree(db: ReturnType<typeof createPrismaClient>) {
  const root = await db.agency.findFirstOrThrow({ where: { parentId: null }, orderBy: { createdAt: 'asc' } });
  const county = await db.agency.findFirstOrThrow({ where: { level: 'COUNTY', ancestorIds: { has: root.id } } });
  const [accounts, scores] = await Promise.all([db.account.count(), db.score.count()]);
  console.log(`node ${process.version}; kept database ${values.database}: ${accounts} accounts, ${scores} scores`);
  return { rootId: root.id, countyId: county.id, accounts };
}

async function seedAndInspect(db: ReturnType<typeof createPrismaClient>, now: Date) {
  let t = performance.now();
  const tree = await seedAgencyTree(db, ACCOUNTS, now);
  console.log(
    `node ${process.version}; ${tree.agencies} agencies, ${tree.accounts} accounts, ${tree.posts} posts seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`,
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
  const sec = (performance.now() - t) / 1000;
  const [scores, findings] = await Promise.all([db.score.count(), db.finding.count()]);
  console.log(
    `runInspection over the tree: ${scores} scores, ${findings} findings in ${sec.toFixed(1)} s → ${Math.round(scores / sec)} accounts/s`,
  );
  // Autovacuum analyzes freshly filled tables within about a minute; timing before that measures plans made without
  // statistics (scope joins guessed at 0.4 % of agencies), which no running installation sees. BENCH_ANALYZE=0 skips.
  if (process.env.BENCH_ANALYZE !== '0') await db.$executeRawUnsafe('ANALYZE');
  return tree;
}

const scratch = await openDatabase();
const db = createPrismaClient(scratch.url, 8);
try {
  await ensureScoringConfig(db);
  const now = new Date();
  const tree = scratch.kept ? await findTree(db) : await seedAndInspect(db, now);

  const access: Access = {
    userId: 'bench',
    name: 'bench',
    email: 'bench@x',
    locale: 'zh-CN',
    grants: [{ role: 'ADMIN', agencyId: tree.rootId, agencyName: '' }],
  };
  console.log(`dashboard queries at the root scope (${tree.accounts} accounts), median of 5:`);
  await median('overview (getOverview)', () => getOverview({ now, scopeRoots: [tree.rootId], db }));
  const roots = [tree.rootId];
  await median('  └ counts (countOverview)', () => countOverview(db, roots, new Date(now.getTime() - 60 * DAY_MS)));
  await median('  └ activity (summarizeAccountActivity)', () =>
    summarizeAccountActivity(db, roots, {
      coverageFromDay: new Date(now.getTime() - 13 * DAY_MS).toISOString().slice(0, 10),
      staleBefore: new Date(now.getTime() - 14 * DAY_MS),
      nearingBefore: new Date(now.getTime() - 10 * DAY_MS),
      windowDays: 14,
      limit: 50,
    }),
  );
  await median('  └ latest results (summarizeLatestResults)', () =>
    summarizeLatestResults(db, roots, 50, ZOMBIE_VETO_CODE),
  );
  await median('  └ quarter trend (listQuarterResults)', () =>
    listQuarterResults(db, roots, new Date(now.getTime() - 730 * DAY_MS)),
  );
  await median('agency scorecard, root (getAgencyScorecard)', () =>
    getAgencyScorecard({ access, agencyId: tree.rootId, now, db }),
  );
  await median('agency scorecard, a county', () => getAgencyScorecard({ access, agencyId: tree.countyId, now, db }));
  const account = await db.account.findFirstOrThrow({ where: { agency: { ancestorIds: { has: tree.countyId } } } });
  await median('account page (getAccountDetail)', () =>
    getAccountDetail({ access, accountId: account.id, page: 1, now, db }),
  );
  await median('findings queue, page 1 (listFindings)', () =>
    listFindings({ access, filter: findingFilterSchema.parse({ status: 'SUSPECTED' }), db }),
  );
  // Page 200 is reached the way the UI reaches it: following nextCursor (keyset) from page 1.
  let deep = findingFilterSchema.parse({ status: 'ALL' });
  for (let p = 2; p <= 200; p += 1) {
    const { nextCursor } = await listFindings({ access, filter: deep, db });
    if (!nextCursor) break;
    deep = findingFilterSchema.parse({ status: 'ALL', after: nextCursor, page: p });
  }
  await median(`findings queue, page ${deep.page} (keyset)`, () => listFindings({ access, filter: deep, db }));
  const back = findingFilterSchema.parse({
    status: 'ALL',
    before: (await listFindings({ access, filter: deep, db })).prevCursor ?? undefined,
    page: deep.page - 1,
  });
  await median(`findings queue, back to page ${back.page} (keyset)`, () => listFindings({ access, filter: back, db }));
  await median('admin accounts, page 1 (listAdminAccounts)', () =>
    listAdminAccounts({ access, filter: { page: 1 }, db }),
  );
  await median('admin accounts, name search', () => listAdminAccounts({ access, filter: { page: 1, q: '县7' }, db }));
} finally {
  await db.$disconnect();
  if (scratch.kept || process.env.BENCH_KEEP_DB) console.log(`kept database ${scratch.name}`);
  else await scratch.drop();
}
