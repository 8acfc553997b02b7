import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '@/crawlers/sandbox/server';
import type { ScenarioInput } from '@/crawlers/sandbox/scenario';
import { createEmptyDatabase, npmRun, type FreshDatabase, type RunResult } from '../../helpers/fresh-database';
import { startTestSandbox } from '../../helpers/crawler-sandbox';

// The README's "Deploying for real" walk-through, command by command, on an empty PostgreSQL database, with the
// committed example files, crawling the local platform sandbox (the only stand-in: real crawlers, real ingest).

const APP_ID = 'wx7c1a2b3c4d5e6f70';
const APP_SECRET = `sandbox-secret-${randomBytes(6).toString('hex')}`;
const ADMIN = 'ops@yunchuan.example';

const posts = (prefix: string, titles: string[]) =>
  titles.map((title, i) => ({
    id: `${prefix}${String(i + 1).padStart(4, '0')}`,
    title,
    text: `<p>${title}。详情见政府网站。</p>`,
    publishedAt: `-${i * 2 + 1}d`,
  }));

// Handles, app id and feed ids match docs/examples/accounts.csv.
const SCENARIO: ScenarioInput = {
  name: 'deploy-walkthrough',
  accounts: [
    {
      platform: 'WEIBO',
      handle: '7400100001',
      profile: { displayName: '云川发布', verified: true, verifiedType: 1 },
      posts: posts('53001000', ['云川省冬季供暖启动', '云川省政务公开日', '云川省寒潮预警']),
    },
    {
      platform: 'WECHAT',
      handle: 'gh_7c1a2b3c4d5e',
      profile: { displayName: '云川发布' },
      extra: { appId: APP_ID, appSecret: APP_SECRET, ipWhitelisted: true, fakeid: 'MzkwMDEwMDAwMQ==' },
      posts: posts('22475000', ['云川省政府常务会议', '云川省稳就业举措']),
    },
    {
      platform: 'WECHAT',
      handle: 'gh_7c1a2b3c4d5f',
      profile: { displayName: '云川健康' },
      extra: { weMpRssId: 'ycjk' },
      posts: posts('22476000', ['流感疫苗接种指南', '冬季健康提示']),
    },
    {
      platform: 'DOUYIN',
      handle: 'MS4wLjABAAAAyc0001',
      profile: { displayName: '临川公安' },
      posts: posts('73000000', ['防诈骗提醒', '交通安全宣传']),
    },
    {
      platform: 'RSS',
      handle: 'lc-gov-news',
      profile: { displayName: '临川区政务公开' },
      extra: { feedPath: '/gov/linchuan/news' },
      posts: posts('10000000', ['临川区政府信息公开年报', '临川区财政预算公开']),
    },
  ],
};

let fresh: FreshDatabase;
let sandbox: SandboxHandle;
let env: Record<string, string>;
beforeAll(async () => {
  fresh = await createEmptyDatabase('xunjian_deploy');
  sandbox = await startTestSandbox(SCENARIO);
  env = {
    DATABASE_URL: fresh.url,
    CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    CRAWLER_SANDBOX_URL: sandbox.url,
    CRAWLER_MIN_DELAY_MS: '0',
    CRAWLER_BROWSER: 'off',
  };
});
afterAll(async () => {
  await sandbox?.close();
  await fresh?.drop();
});

const xunjian = (args: string[], extra: Record<string, string> = {}, input?: string): Promise<RunResult> =>
  npmRun('xunjian', args, { ...env, ...extra }, input);
const ok = async (run: Promise<RunResult>) => {
  const r = await run;
  expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
  return r.stdout;
};

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: fresh.url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

describe('deploying for real: from an empty database to the first scored inspection', () => {
  it('migrate → agencies import → create-admin → accounts import → credentials → crawl --once → score --at', async () => {
    await ok(npmRun('db:migrate', [], env));

    const before = await xunjian(['users', 'create-admin', '--email', ADMIN, '--name', '运维管理员'], {
      XUNJIAN_ADMIN_PASSWORD: 'correct-horse-battery',
    });
    expect(before.code).toBe(1);
    expect(before.stderr).toContain(
      'No agency exists yet: import the agency tree first (npm run xunjian -- agencies import <file>).',
    );

    expect(await ok(xunjian(['agencies', 'import', 'docs/examples/agencies.csv', '--dry-run']))).toContain(
      'Dry run: 6 agency(ies) would be created',
    );
    expect(await ok(xunjian(['agencies', 'import', 'docs/examples/agencies.csv']))).toContain('Created 6 agency(ies).');
    expect(await ok(xunjian(['agencies', 'list']))).toMatch(
      /390000 {2}PROVINCE {2}云川省人民政府办公厅[\s\S]*\n {6}390102-GA {2}DEPARTMENT {2}临川区公安分局/,
    );

    expect(
      await ok(
        xunjian(['users', 'create-admin', '--email', ADMIN, '--name', '运维管理员'], {
          XUNJIAN_ADMIN_PASSWORD: 'correct-horse-battery',
        }),
      ),
    ).toContain('for 云川省人民政府办公厅 and its whole subtree');

    expect(await ok(xunjian(['accounts', 'import', 'docs/examples/accounts.csv']))).toContain('Imported 5 account(s).');
    const [rssBridge] = await query<{ crawl_config: unknown }>(
      `SELECT crawl_config FROM account WHERE handle = 'gh_7c1a2b3c4d5f'`,
    );
    expect(rssBridge?.crawl_config).toEqual({ route: 'rss', weMpRssId: 'ycjk' });

    // The secret comes from the environment; it is neither echoed nor listed, and it is stored sealed.
    const added = await ok(
      xunjian(
        [
          'credentials',
          'add',
          '--as',
          ADMIN,
          '--kind',
          'WECHAT_OFFICIAL_API',
          '--label',
          '云川发布 公众号 API',
          '--app-id',
          APP_ID,
        ],
        { XUNJIAN_CREDENTIAL_APP_SECRET: APP_SECRET },
      ),
    );
    expect(added).not.toContain(APP_SECRET);
    await ok(
      xunjian(['credentials', 'attach', '云川发布 公众号 API', '--account', 'WECHAT:gh_7c1a2b3c4d5e', '--as', ADMIN]),
    );
    const listed = await ok(xunjian(['credentials', 'list', '--as', ADMIN]));
    expect(listed).toMatch(
      /WECHAT {2}WECHAT_OFFICIAL_API {2}"云川发布 公众号 API" {2}appId wx7c…6f70 · secret …\w{4} {2}1 account\(s\)/,
    );
    expect(listed).not.toContain(APP_SECRET);
    const stored = await query<{ ciphertext: Buffer }>('SELECT ciphertext FROM platform_credential');
    expect(stored.map((r) => r.ciphertext.includes(Buffer.from(APP_SECRET)))).toEqual([false]);

    const crawl = await ok(xunjian(['crawl', '--once']));
    expect(crawl).toContain('Crawled 5 account(s): 5 succeeded, 0 partial, 0 failed');
    const postsByHandle = await query<{ handle: string; n: number }>(
      'SELECT a.handle, count(p.id)::int AS n FROM account a LEFT JOIN post p ON p.account_id = a.id GROUP BY a.handle ORDER BY a.handle',
    );
    expect(postsByHandle.every((r) => r.n >= 2)).toBe(true);
    const [credential] = await query<{ last_used_at: Date | null }>('SELECT last_used_at FROM platform_credential');
    expect(credential?.last_used_at).not.toBeNull();

    await ok(xunjian(['score', '--at', new Date().toISOString()]));
    const inspections = await query<{ id: string; status: string; edition: string; scores: number }>(
      `SELECT i.id, i.status, e.code AS edition, (SELECT count(*)::int FROM score s WHERE s.inspection_id = i.id) AS scores
       FROM inspection i JOIN indicator_edition e ON e.id = i.edition_id`,
    );
    expect(inspections).toEqual([{ id: expect.any(String), status: 'DONE', edition: 'national-2019', scores: 5 }]);
    const scores = await query<{ result: string; breakdown: { indicators: Array<{ code: string; status: string }> } }>(
      'SELECT result, breakdown FROM score',
    );
    // Every account was judged indicator by indicator against the stored edition (not an empty or skipped score).
    expect(
      scores.every(
        (s) =>
          s.breakdown.indicators.length > 0 &&
          s.breakdown.indicators.some((i) => i.status === 'CLEAR' || i.status === 'HIT'),
      ),
    ).toBe(true);
    expect(await ok(xunjian(['inspections', 'list']))).toMatch(
      /1 inspection\(s\)[\s\S]*DONE\s+national-2019\s+\d\/5 passed/,
    );
  }, 600_000);
});
