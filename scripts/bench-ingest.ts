// npm run bench:ingest [-- --posts 10000000 --accounts 50000 --batch 1000]
// Issue 16 item 2: ingest of N posts into the monthly partitioned `post` within 2× of plain COPY into the same table,
// both measured in this run on a scratch database. COPY goes through psql (COPY … FROM STDIN, CSV); ingest goes through
// lib/data/posts.ts createPosts, the function the crawl ingest (lib/services/ingest-snapshot.ts) writes new posts
// with, in calls of --batch rows. The table is emptied (TRUNCATE) between the two, so both insert into the same
// partitions and indexes from empty. Rows and ids are generated the same way for both (UUIDv7 of the moment).
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createPrismaClient } from '@/lib/db/client';
import { createPosts, type NewPostRow } from '@/lib/data/posts';
import { uuid7 } from '@/lib/ids/uuid7';
import { createScratchDatabase } from './bench/scratch-database';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '10000000' },
    accounts: { type: 'string', default: '50000' },
    batch: { type: 'string', default: '1000' },
    keep: { type: 'boolean', default: false },
  },
});
const total = Number(values.posts);
const accounts = Number(values.accounts);
const batch = Number(values.batch);
if (![total, accounts, batch].every((x) => Number.isInteger(x) && x > 0)) {
  console.error('posts, accounts and batch must be positive integers');
  process.exit(2);
}
const TARGET_RATIO = 2;

const YEAR_MS = 365 * 86_400_000;
const NOW = Date.now();
const WORDS = [
  '关于',
  '开展',
  '政务',
  '公开',
  '工作',
  '通知',
  '我市',
  '召开',
  '会议',
  '民生',
  '服务',
  '便民',
  '提醒',
  '发布',
];

/** The i-th post: account i mod A, published within the last year, a text of about 60 characters. */
function postRow(i: number, accountIds: string[]): NewPostRow {
  const publishedAt = new Date(NOW - ((i * 7919) % YEAR_MS));
  let text = '';
  for (let w = 0; w < 30; w += 1) text += WORDS[(i + w * 31) % WORDS.length];
  return {
    accountId: accountIds[i % accountIds.length]!,
    platformPostId: `p${i}`,
    url: `https://weibo.com/${i % accountIds.length}/p${i}`,
    title: null,
    text,
    contentHash: `h${i}`,
    publishedAt,
    editedAt: null,
    firstSeenAt: new Date(NOW),
    lastSeenAt: new Date(NOW),
    isPinned: false,
    isRepost: i % 10 === 0,
    repostOfUrl: null,
    repostOfText: null,
    commentsEnabled: true,
    repostsCount: i % 100,
    commentsCount: i % 50,
    likesCount: i % 1000,
    readsCount: null,
    links: [],
    source: null,
  };
}

const COLUMNS = [
  'id',
  'account_id',
  'platform_post_id',
  'url',
  'title',
  'text',
  'content_hash',
  'published_at',
  'edited_at',
  'first_seen_at',
  'last_seen_at',
  'is_pinned',
  'is_repost',
  'comments_enabled',
  'reposts_count',
  'comments_count',
  'likes_count',
  'links',
];
const csv = (v: string | null) => (v === null ? '' : `"${v.replaceAll('"', '""')}"`);
function csvLine(r: NewPostRow): string {
  return [
    uuid7(Date.now()),
    r.accountId,
    r.platformPostId,
    csv(r.url),
    '',
    csv(r.text),
    r.contentHash,
    r.publishedAt.toISOString(),
    '',
    r.firstSeenAt.toISOString(),
    r.lastSeenAt.toISOString(),
    r.isPinned ? 't' : 'f',
    r.isRepost ? 't' : 'f',
    r.commentsEnabled === null ? '' : r.commentsEnabled ? 't' : 'f',
    r.repostsCount ?? '',
    r.commentsCount ?? '',
    r.likesCount ?? '',
    '{}',
  ].join(',');
}

async function copyPosts(url: string, accountIds: string[]): Promise<number> {
  const started = performance.now();
  const psql = spawn(
    'psql',
    [url, '-v', 'ON_ERROR_STOP=1', '-qc', `COPY post (${COLUMNS.join(', ')}) FROM STDIN (FORMAT csv)`],
    { stdio: ['pipe', 'inherit', 'inherit'] },
  );
  const done = new Promise<void>((resolve, reject) =>
    psql.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql COPY exited ${code}`)))),
  );
  const CHUNK = 5_000;
  for (let i = 0; i < total; i += CHUNK) {
    let text = '';
    for (let j = i; j < Math.min(total, i + CHUNK); j += 1) text += `${csvLine(postRow(j, accountIds))}\n`;
    if (!psql.stdin.write(text)) await new Promise((resolve) => psql.stdin.once('drain', resolve));
  }
  psql.stdin.end();
  await done;
  return (performance.now() - started) / 1000;
}

async function ingestPosts(url: string, accountIds: string[]): Promise<number> {
  const db = createPrismaClient(url, 2);
  const started = performance.now();
  try {
    // Calls of `batch` rows in generation order (consecutive rows belong to consecutive accounts), as a bulk load or a
    // worker ingesting several crawls hands them to createPosts; --batch 50 approximates one account's crawl per call.
    for (let i = 0; i < total; i += batch) {
      const rows: NewPostRow[] = [];
      for (let j = i; j < Math.min(total, i + batch); j += 1) rows.push(postRow(j, accountIds));
      await createPosts(db, rows);
    }
  } finally {
    await db.$disconnect();
  }
  return (performance.now() - started) / 1000;
}

const scratch = await createScratchDatabase();
const admin = new pg.Client({ connectionString: scratch.url });
await admin.connect();
try {
  console.log(
    `node ${process.version}, ${new Date().toISOString()}, ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`${total} posts over ${accounts} accounts; ingest in calls of ${batch} posts`);
  await admin.query(`
    INSERT INTO agency (id, level, name, updated_at)
      VALUES ('00000000-0000-7000-8000-000000000001', 'PROVINCE', '基准省', now())`);
  // Account ids: any distinct UUIDs; one row each.
  const accountIds = Array.from({ length: accounts }, () => uuid7(NOW));
  await admin.query(
    `INSERT INTO account (id, agency_id, platform_code, handle, display_name, updated_at)
     SELECT id, '00000000-0000-7000-8000-000000000001', 'WEIBO', 'h' || n, '账号' || n, now()
     FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
    [accountIds],
  );
  const partitions = (
    await admin.query<{ n: string }>(`SELECT count(*) AS n FROM pg_inherits WHERE inhparent = 'post'::regclass`)
  ).rows[0]!.n;
  console.log(`post: ${partitions} partitions (monthly by id, plus DEFAULT)`);

  const copySeconds = await copyPosts(scratch.url, accountIds);
  const copied = Number((await admin.query<{ n: string }>('SELECT count(*) AS n FROM post')).rows[0]!.n);
  console.log(`COPY    ${copied} rows in ${copySeconds.toFixed(1)} s (${Math.round(copied / copySeconds)} rows/s)`);
  await admin.query('TRUNCATE post CASCADE');
  await admin.query('CHECKPOINT');

  const ingestSeconds = await ingestPosts(scratch.url, accountIds);
  const ingested = Number((await admin.query<{ n: string }>('SELECT count(*) AS n FROM post')).rows[0]!.n);
  console.log(
    `ingest  ${ingested} rows in ${ingestSeconds.toFixed(1)} s (${Math.round(ingested / ingestSeconds)} rows/s) via createPosts`,
  );
  const ratio = ingestSeconds / copySeconds;
  const ok = copied === total && ingested === total && ratio <= TARGET_RATIO;
  console.log(
    `load average after ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `${ok ? 'PASS' : 'FAIL'}: ingest/COPY ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×), rows ${ingested}/${copied}/${total}`,
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  await admin.end();
  if (values.keep) console.log(`kept ${scratch.name}`);
  else await scratch.drop();
}
