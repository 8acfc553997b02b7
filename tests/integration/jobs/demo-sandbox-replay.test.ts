import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrawlContext } from '@/crawlers/context';
import { runCrawlAccount } from '@/crawlers/jobs/crawl-account';
import { defaultCrawlerRegistry } from '@/crawlers/registry';
import { startSandbox, type SandboxHandle } from '@/crawlers/sandbox/server';
import { buildDemoProvince, DEMO_GOLDEN_ACCOUNTS, toSandboxScenario } from '@/lib/demo';
import { seedDemoProvince } from '@/lib/services/seed-demo-province';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';

// What `npm run dev` runs: the demo seed in the database, the demo sandbox serving the same province, and the
// real crawlers reaching it through CRAWLER_SANDBOX_URL alone.
const NOW = new Date('2026-11-25T04:00:00Z');
const LATER = new Date(NOW.getTime() + 3_600_000);
const province = buildDemoProvince({ now: NOW });
let t: TestDatabase;
let sandbox: SandboxHandle;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoProvince({ db: t.db, now: NOW, ifEmpty: false });
  sandbox = await startSandbox({ port: 0, scenario: toSandboxScenario(province) });
}, 420_000);
afterAll(async () => {
  await sandbox?.close();
  await t?.drop();
});

const registry = defaultCrawlerRegistry();
const crawl = async (accountId: string) =>
  runCrawlAccount({
    now: LATER,
    db: t.db,
    accountId,
    crawlers: (p) => registry.get(p),
    ctx: {
      ...createCrawlContext({
        now: LATER,
        env: { CRAWLER_SANDBOX_URL: sandbox.url, CRAWLER_MIN_DELAY_MS: '0' },
        http: { backoff: { maxRateLimitRetries: 0 } },
      }),
    },
  });

describe('demo province replayed by the sandbox', () => {
  it('crawls seeded Weibo, WeChat and feed accounts without phantom posts or edits', async () => {
    for (const platformCode of ['WEIBO', 'WECHAT', 'DOUYIN']) {
      const key = province.accounts.find(
        (a) =>
          a.platformCode === platformCode &&
          a.lifecycle !== 'CLOSED' &&
          province.histories.get(a.key)?.failedCrawls.length === 0,
      )?.key;
      const account = await t.db.account.findFirstOrThrow({
        where: { handle: province.accounts.find((a) => a.key === key)?.handle ?? '' },
      });
      const postsBefore = await t.db.post.count({ where: { accountId: account.id } });
      const summary = await crawl(account.id);
      expect({ platformCode, status: summary.status }).toEqual({ platformCode, status: 'SUCCEEDED' });
      expect(summary.status === 'SKIPPED' ? null : [summary.ingest.postsCreated, summary.ingest.postsEdited]).toEqual([
        0, 0,
      ]);
      expect(await t.db.post.count({ where: { accountId: account.id } })).toBe(postsBefore);
    }
  }, 120_000);

  it('crawls the seeded apps from the sandbox stores: G10 keeps its stale release and its look-alike', async () => {
    const g10 = province.accounts.find((a) => a.key === DEMO_GOLDEN_ACCOUNTS.G10);
    const android = province.accounts.find((a) => a.platformCode === 'APP_ANDROID' && a.lifecycle !== 'CLOSED');
    for (const demo of [g10, android]) {
      const account = await t.db.account.findFirstOrThrow({ where: { handle: demo?.handle ?? '' } });
      expect({ platform: demo?.platformCode, status: (await crawl(account.id)).status }).toEqual({
        platform: demo?.platformCode,
        status: 'SUCCEEDED',
      });
    }
    const androidAccount = await t.db.account.findFirstOrThrow({ where: { handle: android?.handle ?? '' } });
    // The seed stores AppGallery releases only: the other stores' rows come from this crawl of the sandbox.
    const stores = await t.db.appRelease.findMany({
      where: { accountId: androidAccount.id },
      distinct: ['store'],
      select: { store: true },
    });
    expect(stores.map((r) => r.store).sort()).toEqual(['HUAWEI', 'XIAOMI', 'YINGYONGBAO']);
    const account = await t.db.account.findFirstOrThrow({ where: { handle: g10?.handle ?? '' } });
    const listings = await t.db.storeListing.findMany({ where: { accountId: account.id } });
    expect(listings.some((l) => l.appName === '江川市民通' && l.sellerName === '江川某某网络科技有限公司')).toBe(true);
  }, 60_000);

  it('the G8 account keeps answering 418: a failed day, recorded as missing data', async () => {
    const handle = province.accounts.find((a) => a.key === DEMO_GOLDEN_ACCOUNTS.G8)?.handle ?? '';
    const account = await t.db.account.findFirstOrThrow({ where: { handle } });
    const summary = await crawl(account.id);
    expect(summary).toMatchObject({ status: 'FAILED', errorKind: 'RATE_LIMITED' });
    const today = await t.db.crawlCoverage.findFirst({ where: { accountId: account.id }, orderBy: { day: 'desc' } });
    expect(today?.status).toBe('FAILED');
  }, 60_000);
});
