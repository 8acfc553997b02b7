// `npm run bench:inspection`: the province tree of bench:dashboard (BENCH_INSPECTION_ACCOUNTS, default 50 000 Weibo
// accounts, 10 posts and 30 covered days each) in a scratch local database, scored by the real runInspection over
// the whole tree. Prints where the time went (phases), accounts/s, the machine's load average and a PASS/FAIL line
// against issue 16's target (50 000 accounts in < 120 s on 2 cores).
// BENCH_INSPECTION_DB=<name of a kept xunjian_bench_* database> reuses a seeded tree instead of seeding one (seeding
// 50 000 accounts takes minutes); BENCH_KEEP_DB=1 keeps the scratch database for that. BENCH_INSPECTION_RUNS (1)
// runs the inspection that many times (a fresh inspection each time) and reports each.
import { loadavg } from 'node:os';
import { createPrismaClient } from '@/lib/db/client';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { runInspection } from '@/lib/services/run-inspection';
import { seedAgencyTree } from './bench/agency-tree';
import { createScratchDatabase } from './bench/scratch-database';

const ACCOUNTS = Number(process.env.BENCH_INSPECTION_ACCOUNTS ?? 50_000);
const RUNS = Math.max(1, Number(process.env.BENCH_INSPECTION_RUNS ?? 1));
const TARGET_ACCOUNTS = 50_000;
const TARGET_SECONDS = 120;

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

function existingDatabase(name: string) {
  if (!/^xunjian_bench_[0-9a-f]+$/.test(name)) throw new Error(`BENCH_INSPECTION_DB must name a kept bench database`);
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: async () => undefined };
}

const reuse = process.env.BENCH_INSPECTION_DB;
const scratch = reuse ? existingDatabase(reuse) : await createScratchDatabase();
const db = createPrismaClient(scratch.url, 8);
try {
  console.log(`node ${process.version}, ${new Date().toISOString()}, load average (1/5/15 min) ${load()}`);
  await ensureScoringConfig(db);
  let rootId: string;
  let now: Date;
  if (reuse) {
    const root = await db.agency.findFirstOrThrow({ where: { code: 'bench' }, select: { id: true } });
    // The tree was seeded relative to its creation; score at the same moment so the windows see the same facts.
    const first = await db.post.aggregate({ _max: { firstSeenAt: true } });
    rootId = root.id;
    now = first._max.firstSeenAt ?? new Date();
    console.log(`reusing ${scratch.name}: ${await db.account.count()} accounts, ${await db.post.count()} posts`);
  } else {
    now = new Date();
    const t = performance.now();
    const tree = await seedAgencyTree(db, ACCOUNTS, now);
    rootId = tree.rootId;
    console.log(
      `${tree.agencies} agencies, ${tree.accounts} accounts, ${tree.posts} posts seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    // Autovacuum analyzes freshly filled tables within about a minute; a running installation has statistics.
    if (process.env.BENCH_ANALYZE !== '0') await db.$executeRawUnsafe('ANALYZE');
  }

  let lastSec = Infinity;
  let accounts = 0;
  for (let run = 1; run <= RUNS; run += 1) {
    const { id } = await createInspection({
      access: null,
      input: {
        name: `基准检查${run}`,
        monitoringAt: now,
        scopeAgencyId: rootId,
        scope: 'TREE',
        editionCode: 'national-2019',
      },
      db,
    });
    const phases = new Map<string, number>();
    const loadBefore = load();
    const t = performance.now();
    const result = await runInspection({
      db,
      inspectionId: id,
      now,
      onPhase: (phase, ms) => phases.set(phase, (phases.get(phase) ?? 0) + ms),
    });
    lastSec = (performance.now() - t) / 1000;
    accounts = result.accounts;
    const findings = await db.finding.count({ where: { inspectionId: id } });
    console.log(
      `run ${run}: runInspection over the tree: ${result.accounts} accounts, ${findings} findings in ${lastSec.toFixed(1)} s → ${Math.round(result.accounts / lastSec)} accounts/s (load before ${loadBefore}, after ${load()})`,
    );
    console.log(`  results ${JSON.stringify(result.results)}`);
    for (const [phase, ms] of phases) console.log(`  ${phase.padEnd(40)} ${(ms / 1000).toFixed(1).padStart(7)} s`);
  }
  // The target is stated for 50 000 accounts; a smaller tree is scaled linearly (scoring is per account).
  const projected = (lastSec * TARGET_ACCOUNTS) / Math.max(1, accounts);
  const verdict = projected < TARGET_SECONDS ? 'PASS' : 'FAIL';
  console.log(
    accounts >= TARGET_ACCOUNTS
      ? `${verdict}: inspection of ${accounts} accounts in ${lastSec.toFixed(1)} s (target < ${TARGET_SECONDS} s at ${TARGET_ACCOUNTS})`
      : `${verdict} (projected): ${accounts} accounts in ${lastSec.toFixed(1)} s ≈ ${projected.toFixed(0)} s at ${TARGET_ACCOUNTS} (target < ${TARGET_SECONDS} s; run at ${TARGET_ACCOUNTS} to decide)`,
  );
} finally {
  await db.$disconnect();
  if (process.env.BENCH_KEEP_DB || reuse) console.log(`kept database ${scratch.name}`);
  else await scratch.drop();
}
