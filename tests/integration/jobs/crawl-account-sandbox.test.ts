import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrawlContext } from '@/crawlers/context';
import { runCrawlAccount } from '@/crawlers/jobs/crawl-account';
import { weiboCrawler } from '@/crawlers/platforms/weibo';
import { startSandbox, type SandboxHandle } from '@/crawlers/sandbox/server';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

const NOW = new Date('2026-10-10T04:00:00Z');
let t: TestDatabase;
let sandbox: SandboxHandle;
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
          posts: [
            { id: '5100000000000001', text: '防汛通知', publishedAt: '-2d' },
            { id: '5100000000000002', text: '招聘公告', publishedAt: '-1d' },
          ],
        },
        { platform: 'WEIBO', handle: '7100000002', profile: { displayName: '江川公安' } },
        {
          platform: 'WEIBO',
          handle: '7100000003',
          profile: { displayName: '江川交警' },
          posts: [
            { id: '5100000000000031', text: '今日路况', publishedAt: '-3d' },
            { id: '5100000000000032', text: '错误的封路通知', publishedAt: '-2d', deletedAt: '+12h' },
          ],
        },
      ],
      failures: [{ kind: 'status', status: 418, platform: 'WEIBO', handle: '7100000002' }],
    },
  });
});
afterAll(async () => {
  await sandbox.close();
  await t.drop();
});

const ctx = (now: Date) => ({
  ...createCrawlContext({
    now,
    env: { CRAWLER_ALLOW_HOSTS: sandbox.hostPort, CRAWLER_MIN_DELAY_MS: '0' },
    http: { backoff: { maxRateLimitRetries: 0 } },
  }),
  origins: sandbox.origins,
});

describe('runCrawlAccount against the platform sandbox', () => {
  it('stores the Weibo posts and covered days', async () => {
    const account = await createTestAccount(t.db, (await createTestAgency(t.db)).id, { handle: '7100000001' });
    const summary = await runCrawlAccount({
      now: NOW,
      db: t.db,
      accountId: account.id,
      crawlers: () => weiboCrawler,
      ctx: ctx(NOW),
    });
    expect(summary).toMatchObject({ status: 'SUCCEEDED', errorKind: null });
    const posts = await t.db.post.findMany({ where: { accountId: account.id }, orderBy: { publishedAt: 'asc' } });
    expect(posts.map((p) => [p.platformPostId, p.text])).toEqual([
      ['5100000000000001', '防汛通知'],
      ['5100000000000002', '招聘公告'],
    ]);
    expect(
      await t.db.crawlCoverage.count({ where: { accountId: account.id, status: 'COVERED' } }),
    ).toBeGreaterThanOrEqual(59);
  });

  it('an account answering 418 gets a FAILED day per crawl day, never a covered one', async () => {
    const account = await createTestAccount(t.db, (await createTestAgency(t.db)).id, { handle: '7100000002' });
    for (let d = 0; d < 3; d += 1) {
      const now = new Date(NOW.getTime() + d * 86_400_000);
      const summary = await runCrawlAccount({
        now,
        db: t.db,
        accountId: account.id,
        crawlers: () => weiboCrawler,
        ctx: ctx(now),
      });
      expect(summary).toMatchObject({ status: 'FAILED', errorKind: 'RATE_LIMITED' });
    }
    const days = await t.db.crawlCoverage.findMany({ where: { accountId: account.id } });
    expect(days.map((c) => c.status)).toEqual(['FAILED', 'FAILED', 'FAILED']);
  });

  it('passes the stored posts of the window to the crawler, so a post deleted upstream is marked deleted', async () => {
    const account = await createTestAccount(t.db, (await createTestAgency(t.db)).id, { handle: '7100000003' });
    const first = await runCrawlAccount({
      now: NOW,
      db: t.db,
      accountId: account.id,
      crawlers: () => weiboCrawler,
      ctx: ctx(NOW),
    });
    expect(first).toMatchObject({ status: 'SUCCEEDED' });
    const nextDay = new Date(NOW.getTime() + 86_400_000);
    sandbox.setNow(nextDay);
    try {
      const second = await runCrawlAccount({
        now: nextDay,
        db: t.db,
        accountId: account.id,
        crawlers: () => weiboCrawler,
        ctx: ctx(nextDay),
      });
      expect(second).toMatchObject({ status: 'SUCCEEDED' });
      expect(second.status === 'SKIPPED' ? null : second.ingest.postsDeleted).toBe(1);
    } finally {
      sandbox.setNow(null);
    }
    const posts = await t.db.post.findMany({ where: { accountId: account.id }, orderBy: { platformPostId: 'asc' } });
    expect(posts.map((p) => [p.platformPostId, p.deletedDetectedAt !== null])).toEqual([
      ['5100000000000031', false],
      ['5100000000000032', true],
    ]);
  });
});
