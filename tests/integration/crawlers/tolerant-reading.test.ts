import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrawlContext } from '@/crawlers/context';
import { runCrawlAccount } from '@/crawlers/jobs/crawl-account';
import { weiboCrawler } from '@/crawlers/platforms/weibo';
import { startSandbox, type SandboxHandle } from '@/crawlers/sandbox/server';
import type { ScenarioInput } from '@/crawlers/sandbox/scenario';
import { listParseIssues } from '@/lib/data/parse-issues';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// Tolerant reading end to end: the sandbox serves a timeline in which one card is malformed; the crawl keeps the
// other posts, stores the skipped card as a parse issue of the run, and its days are PARTIAL, never COVERED.

const NOW = new Date('2026-10-10T04:00:00Z');
const LATER = new Date('2026-10-10T10:00:00Z');
const HANDLE = '7100000009';
const scenario = (malformed: boolean): ScenarioInput => ({
  now: NOW.toISOString(),
  accounts: [
    {
      platform: 'WEIBO',
      handle: HANDLE,
      profile: { displayName: '江川发布', verified: true, verifiedType: 1 },
      posts: [
        { id: '5100000000000091', text: '防汛通知', publishedAt: '-3d' },
        {
          id: '5100000000000092',
          text: '停水公告',
          publishedAt: '-2d',
          ...(malformed ? { wire: { created_at: null } } : {}),
        },
        { id: '5100000000000093', text: '招聘公告', publishedAt: '-1d' },
      ],
    },
  ],
});

let t: TestDatabase;
let sandbox: SandboxHandle;
beforeAll(async () => {
  t = await createTestDatabase();
  sandbox = await startSandbox({ port: 0, scenario: scenario(true) });
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

describe('a malformed card in a real crawl', () => {
  it('drops only that card, stores it as a parse issue and marks the days PARTIAL; a clean re-crawl covers them', async () => {
    const account = await createTestAccount(t.db, (await createTestAgency(t.db)).id, { handle: HANDLE });
    const summary = await runCrawlAccount({
      now: NOW,
      db: t.db,
      accountId: account.id,
      crawlers: () => weiboCrawler,
      ctx: ctx(NOW),
    });
    expect(summary).toMatchObject({
      status: 'PARTIAL',
      errorKind: null,
      ingest: { coverageStatus: 'PARTIAL', parseIssues: 1 },
    });

    const posts = await t.db.post.findMany({ where: { accountId: account.id }, orderBy: { publishedAt: 'asc' } });
    expect(posts.map((p) => p.platformPostId)).toEqual(['5100000000000091', '5100000000000093']);

    const run = await t.db.crawlRun.findFirstOrThrow({ where: { accountId: account.id } });
    expect(run.status).toBe('PARTIAL');
    const issues = await listParseIssues(t.db, run.id);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      endpoint: 'weibo:getIndex/timeline',
      itemKey: '5100000000000092',
      path: 'mblog.created_at',
    });
    expect(JSON.parse(issues[0]?.rawJson ?? '{}')).toMatchObject({
      card_type: 9,
      mblog: { mid: '5100000000000092', created_at: null },
    });

    const statuses = await t.db.crawlCoverage.groupBy({
      by: ['status'],
      where: { accountId: account.id },
      _count: true,
    });
    expect(statuses.map((s) => s.status)).toEqual(['PARTIAL']);

    // The card reads again: the next crawl re-reads from the last COVERED day (none), covers every day and stores the post.
    sandbox.setScenario(scenario(false));
    const again = await runCrawlAccount({
      now: LATER,
      db: t.db,
      accountId: account.id,
      crawlers: () => weiboCrawler,
      ctx: ctx(LATER),
    });
    expect(again).toMatchObject({ status: 'SUCCEEDED', ingest: { coverageStatus: 'COVERED', parseIssues: 0 } });
    expect(await t.db.post.count({ where: { accountId: account.id } })).toBe(3);
    expect(await t.db.crawlCoverage.count({ where: { accountId: account.id, status: 'PARTIAL' } })).toBe(0);

    // A later crawl that skips an item again never downgrades a day a complete crawl covered.
    sandbox.setScenario(scenario(true));
    const third = new Date(LATER.getTime() + 3_600_000);
    const partial = await runCrawlAccount({
      now: third,
      db: t.db,
      accountId: account.id,
      crawlers: () => weiboCrawler,
      ctx: ctx(third),
    });
    expect(partial).toMatchObject({ status: 'PARTIAL', ingest: { coverageStatus: 'PARTIAL' } });
    const covered = await t.db.crawlCoverage.findMany({
      where: { accountId: account.id, status: 'COVERED' },
      select: { day: true },
    });
    expect(covered.length).toBeGreaterThanOrEqual(60);
    expect(await t.db.post.count({ where: { accountId: account.id, deletedDetectedAt: { not: null } } })).toBe(0);
  });
});
