import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrawlContext } from '@/crawlers/context';
import { runCrawlAccount } from '@/crawlers/jobs/crawl-account';
import { weiboCrawler } from '@/crawlers/platforms/weibo';
import { startSandbox, type SandboxHandle } from '@/crawlers/sandbox/server';
import { deadPort, startConnectProxy, type RecordingProxy } from '../../helpers/connect-proxy';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// A crawl job whose egress identity has a proxy (CRAWL_EGRESS_PROXIES): read through it, or a FAILED run if it is down.
const NOW = new Date('2026-10-10T04:00:00Z');
let t: TestDatabase;
let sandbox: SandboxHandle;
let proxy: RecordingProxy;
let dead = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  sandbox = await startSandbox({
    port: 0,
    scenario: {
      now: NOW.toISOString(),
      accounts: [
        {
          platform: 'WEIBO',
          handle: '7100000001',
          profile: { displayName: '江川发布', verified: true, verifiedType: 1 },
          posts: [{ id: '5100000000000001', text: '防汛通知', publishedAt: '-2d' }],
        },
        {
          platform: 'WEIBO',
          handle: '7100000002',
          profile: { displayName: '江川公安' },
          posts: [{ id: '5100000000000021', text: '通告', publishedAt: '-1d' }],
        },
      ],
    },
  });
  proxy = await startConnectProxy({ credentials: 'crawler:pw' });
  dead = await deadPort();
});
afterAll(async () => {
  await proxy.close();
  await sandbox.close();
  await t.drop();
});

const ctx = (egress: string) => ({
  ...createCrawlContext({
    now: NOW,
    egress,
    env: {
      CRAWLER_ALLOW_HOSTS: sandbox.hostPort,
      CRAWLER_MIN_DELAY_MS: '0',
      CRAWL_EGRESS_PROXIES: `proxy-a=http://crawler:pw@127.0.0.1:${proxy.port},proxy-dead=http://crawler:pw@127.0.0.1:${dead}`,
    },
    http: { backoff: { maxRetries: 0 }, log: () => {} },
  }),
  origins: sandbox.origins,
});

const crawl = async (egress: string, handle: string) => {
  const account = await createTestAccount(t.db, (await createTestAgency(t.db)).id, { handle });
  const summary = await runCrawlAccount({
    now: NOW,
    db: t.db,
    accountId: account.id,
    crawlers: () => weiboCrawler,
    ctx: ctx(egress),
  });
  return { account, summary };
};

describe('crawl job through its egress identity proxy', () => {
  it('reads the account through the proxy, every connection a CONNECT to the checked address', async () => {
    const { summary } = await crawl('proxy-a', '7100000001');
    expect(summary).toMatchObject({ status: 'SUCCEEDED', errorKind: null });
    expect(proxy.connects.length).toBeGreaterThan(0);
    expect(new Set(proxy.connects)).toEqual(new Set([sandbox.hostPort]));
  });

  it('a dead proxy is a FAILED crawl of the network class, never "no update"', async () => {
    const { account, summary } = await crawl('proxy-dead', '7100000002');
    expect(summary).toMatchObject({ status: 'FAILED', errorKind: 'NETWORK' });
    expect(await t.db.crawlCoverage.count({ where: { accountId: account.id, status: 'COVERED' } })).toBe(0);
    const run = await t.db.crawlRun.findFirst({ where: { accountId: account.id } });
    expect(run?.errorMessage ?? '').not.toContain('pw@');
    expect(run?.errorMessage ?? '').toContain('egress proxy proxy-dead');
  });
});
