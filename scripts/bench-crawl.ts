// `npm run bench:crawl`: the sandbox serves BENCH_ACCOUNTS (default 10 000) generated Weibo accounts; each is
// crawled by the real Weibo crawler and stored by the real ingest into a scratch local database, then dropped.
import { runCrawlAccount } from '@/crawlers/jobs/crawl-account';
import { createCrawlContext } from '@/crawlers/context';
import { weiboCrawler } from '@/crawlers/platforms/weibo';
import { startSandbox } from '@/crawlers/sandbox/server';
import type { ScenarioInput } from '@/crawlers/sandbox/scenario';
import { createPrismaClient } from '@/lib/db/client';
import { createScratchDatabase } from './bench/scratch-database';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
const POSTS = Number(process.env.BENCH_POSTS_PER_ACCOUNT ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
// BENCH_RAW_ARCHIVE=off crawls without keeping the answers, to measure what the raw archive costs.
const CAPTURE = process.env.BENCH_RAW_ARCHIVE !== 'off';

function scenario(now: Date): ScenarioInput {
  return {
    name: 'bench',
    now: now.toISOString(),
    accounts: Array.from({ length: ACCOUNTS }, (_, i) => ({
      platform: 'WEIBO' as const,
      handle: String(7_000_000_000 + i),
      profile: { displayName: `基准发布${i}`, verified: true, verifiedType: 1, followersCount: 1000 + i },
      posts: Array.from({ length: POSTS }, (_, p) => ({
        id: String(5_000_000_000_000_000 + i * 100 + p),
        text: `第${p}条通知，账号${i}。`,
        publishedAt: `-${p + 1}d`,
      })),
    })),
  };
}

const scratch = await createScratchDatabase();
const db = createPrismaClient(scratch.url, CONCURRENCY + 2);
const now = new Date();
const sandbox = await startSandbox({ port: 0, scenario: scenario(now) });
try {
  const agency = await db.agency.create({ data: { name: '基准单位', level: 'PROVINCE' } });
  await db.account.createMany({
    data: Array.from({ length: ACCOUNTS }, (_, i) => ({
      agencyId: agency.id,
      platformCode: 'WEIBO',
      handle: String(7_000_000_000 + i),
      displayName: `基准发布${i}`,
    })),
  });
  const ids = (await db.account.findMany({ select: { id: true }, orderBy: { handle: 'asc' } })).map((a) => a.id);
  const ctx = createCrawlContext({
    now,
    env: { ...process.env, CRAWLER_ALLOW_HOSTS: sandbox.hostPort, CRAWLER_MIN_DELAY_MS: '0' },
  });
  const runCtx = { ...ctx, origins: sandbox.origins };
  const statuses = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < ids.length) {
        const accountId = ids[next++];
        if (!accountId) break;
        const s = await runCrawlAccount({
          now,
          db,
          accountId,
          crawlers: () => weiboCrawler,
          ctx: runCtx,
          captureRaw: CAPTURE,
        });
        statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const [posts, coverage, runs, snapshots] = await Promise.all([
    db.post.count(),
    db.crawlCoverage.count(),
    db.crawlRun.count(),
    db.snapshot.count(),
  ]);
  const rows = posts + coverage + runs + snapshots;
  const [raw] = await db.$queryRaw<Array<{ answers: number; bytes: number; stored: number; exchanges: number }>>`
    SELECT (SELECT count(*)::int FROM raw_response) AS answers, (SELECT coalesce(sum(size_bytes), 0)::int FROM raw_response) AS bytes,
           (SELECT coalesce(sum(octet_length(body)), 0)::int FROM raw_response) AS stored, (SELECT count(*)::int FROM crawl_exchange) AS exchanges`;
  console.error(`statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
  console.log(
    `accounts=${ACCOUNTS} posts/account=${POSTS} concurrency=${CONCURRENCY} requests=${sandbox.requests.length}`,
  );
  console.log(
    `raw archive ${CAPTURE ? 'on' : 'off'}: ${raw?.exchanges} exchanges, ${raw?.answers} distinct answers, ${raw?.bytes} bytes as received, ${raw?.stored} stored (brotli)`,
  );
  console.log(
    `${seconds.toFixed(1)} s; ${(ACCOUNTS / seconds).toFixed(1)} snapshots/s; ${(rows / seconds).toFixed(0)} ingest rows/s (${rows} rows: ${posts} posts, ${coverage} coverage days, ${runs} runs, ${snapshots} profile snapshots)`,
  );
} finally {
  await sandbox.close();
  await db.$disconnect();
  await scratch.drop();
}
