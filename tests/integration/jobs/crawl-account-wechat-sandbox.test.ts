import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrawlContext } from '@/crawlers/context';
import { runCrawlAccount } from '@/crawlers/jobs/crawl-account';
import { createWechatCrawler } from '@/crawlers/platforms/wechat';
import type { ScenarioInput } from '@/crawlers/sandbox/scenario';
import { startSandbox, type SandboxHandle } from '@/crawlers/sandbox/server';
import { loadScenarioFile } from '../../helpers/crawler-sandbox';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// The WeChat crawler through the crawl job into PostgreSQL: MP-backend route with a (test-decrypted) credential.
const NOW = new Date('2026-11-25T08:00:00+08:00');
const MP = { kind: 'WECHAT_MP_BACKEND', cookie: 'slave_sid=SECRETSESSIONID', token: '1234567890' };
let t: TestDatabase;
let sandbox: SandboxHandle;

beforeAll(async () => {
  t = await createTestDatabase();
  sandbox = await startSandbox({ port: 0, scenario: loadScenarioFile('wechat-basic.json') });
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

async function wechatAccount(handle: string) {
  const account = await createTestAccount(t.db, (await createTestAgency(t.db)).id, {
    platformCode: 'WECHAT',
    handle,
    displayName: '江川发布',
  });
  const credential = await t.db.platformCredential.create({
    data: {
      platformCode: 'WECHAT',
      label: 'sandbox operator',
      kind: 'WECHAT_MP_BACKEND',
      secretHint: 'token …7890',
      keyId: 'test',
      ciphertext: Buffer.from('x'),
      iv: Buffer.from('x'),
      authTag: Buffer.from('x'),
    },
  });
  await t.db.account.update({ where: { id: account.id }, data: { credentialId: credential.id } });
  return account;
}

describe('runCrawlAccount with the WeChat crawler against the sandbox', () => {
  it('stores articles, a profile snapshot and covered days; a deleted article is marked deleted, not missing', async () => {
    const account = await wechatAccount('gh_0a1b2c3d4e5f');
    const crawler = createWechatCrawler();
    const run = (now: Date) =>
      runCrawlAccount({
        now,
        db: t.db,
        accountId: account.id,
        crawlers: () => crawler,
        ctx: ctx(now),
        resolveCredential: async () => MP,
      });
    sandbox.setScenario(withArticle13({ publishedAt: '-2h' }, NOW));
    const first = await run(NOW);
    expect(first).toMatchObject({ status: 'SUCCEEDED', errorKind: null });
    const posts = await t.db.post.findMany({ where: { accountId: account.id }, orderBy: { publishedAt: 'desc' } });
    expect(posts.length).toBeGreaterThanOrEqual(8);
    expect(posts[0]).toMatchObject({
      platformPostId: '2247500013_1',
      title: '江川市今日停水通知',
      deletedDetectedAt: null,
    });
    expect(
      await t.db.crawlCoverage.count({ where: { accountId: account.id, status: 'COVERED' } }),
    ).toBeGreaterThanOrEqual(59);
    expect(await t.db.snapshot.findFirstOrThrow({ where: { accountId: account.id } })).toMatchObject({
      displayName: '江川发布',
      isVerified: true,
      description: '江川市人民政府新闻办公室官方公众号',
    });

    // An hour later today's new article is deleted by its author: the next crawl marks it deleted.
    const later = new Date(NOW.getTime() + 3_600_000);
    sandbox.setScenario(withArticle13({ publishedAt: '-3h', deletedAt: '-30m' }, later));
    const second = await run(later);
    expect(second).toMatchObject({ status: 'SUCCEEDED' });
    const notice = await t.db.post.findFirstOrThrow({
      where: { accountId: account.id, platformPostId: '2247500013_1' },
    });
    expect(notice.deletedDetectedAt).not.toBeNull();
  });

  it('an expired MP session is a FAILED day with LOGIN_WALL, never a covered one', async () => {
    sandbox.setScenario({
      ...loadScenarioFile('wechat-basic.json'),
      failures: [{ kind: 'login_wall', platform: 'WECHAT' }],
    });
    const account = await wechatAccount('MzkwMDAwMDAwMQ==');
    const summary = await runCrawlAccount({
      now: NOW,
      db: t.db,
      accountId: account.id,
      crawlers: () => createWechatCrawler(),
      ctx: ctx(NOW),
      resolveCredential: async () => MP,
    });
    expect(summary).toMatchObject({ status: 'FAILED', errorKind: 'LOGIN_WALL' });
    const days = await t.db.crawlCoverage.findMany({ where: { accountId: account.id } });
    expect(days.map((d) => d.status)).toEqual(['FAILED']);
    const run = await t.db.crawlRun.findFirstOrThrow({ where: { accountId: account.id } });
    expect(run.errorMessage).not.toContain('SECRETSESSIONID');
  });
});

/** The basic scenario at `now`, with one more article of 江川发布 (id 2247500013). */
function withArticle13(times: { publishedAt: string; deletedAt?: string }, now: Date): ScenarioInput {
  const scenario = loadScenarioFile('wechat-basic.json');
  const article = {
    id: '2247500013',
    title: '江川市今日停水通知',
    text: '<p>今日9时至17时部分路段停水。</p>',
    ...times,
  };
  const accounts = (scenario.accounts ?? []).map((a) =>
    a.handle === 'gh_0a1b2c3d4e5f' ? { ...a, posts: [article, ...(a.posts ?? [])] } : a,
  );
  return { ...scenario, now: now.toISOString(), accounts };
}
