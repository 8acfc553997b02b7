import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrawlContext } from '@/crawlers/context';
import { runCrawlAccount } from '@/crawlers/jobs/crawl-account';
import { runReparse } from '@/crawlers/jobs/reparse-runs';
import { defaultCrawlerRegistry } from '@/crawlers/registry';
import type { ScenarioInput } from '@/crawlers/sandbox/scenario';
import { startSandbox, type SandboxHandle } from '@/crawlers/sandbox/server';
import type { PlatformCode } from '@/lib/schemas/enums';
import { loadScenarioFile } from '../../helpers/crawler-sandbox';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// Replay must rebuild the same requests for every route, or reparse would refuse every run: crawls of a WeChat
// MP-backend account (credential with cookie and token) and of iOS and Android app listings are re-parsed offline with
// the unchanged production crawlers, and each run comes back UNCHANGED (same derived snapshot), none refused.

const NOW = new Date('2026-11-25T08:00:00+08:00');
const MP = { kind: 'WECHAT_MP_BACKEND', cookie: 'slave_sid=SECRETSESSIONID', token: '1234567890' };
const registry = defaultCrawlerRegistry();
let t: TestDatabase;
let sandbox: SandboxHandle;
let sandboxOpen = true;

beforeAll(async () => {
  t = await createTestDatabase();
  const wechat = loadScenarioFile('wechat-basic.json') as ScenarioInput & { accounts: unknown[] };
  const apps = loadScenarioFile('apps-basic.json') as ScenarioInput & { accounts: unknown[] };
  sandbox = await startSandbox({
    port: 0,
    scenario: { ...wechat, now: NOW.toISOString(), accounts: [...wechat.accounts, ...apps.accounts] } as ScenarioInput,
  });
});
afterAll(async () => {
  if (sandboxOpen) await sandbox.close();
  await t.drop();
});

const ctx = () => ({
  ...createCrawlContext({
    now: NOW,
    env: { CRAWLER_ALLOW_HOSTS: sandbox.hostPort, CRAWLER_MIN_DELAY_MS: '0' },
    http: { backoff: { maxRateLimitRetries: 0 } },
  }),
  origins: sandbox.origins,
});

describe('reparse replays every route offline', () => {
  it('WeChat MP backend, iOS and Android runs re-derive to the same snapshots, none refused', async () => {
    const agency = await createTestAgency(t.db);
    const wechat = await createTestAccount(t.db, agency.id, {
      platformCode: 'WECHAT',
      handle: 'gh_0a1b2c3d4e5f',
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
    await t.db.account.update({ where: { id: wechat.id }, data: { credentialId: credential.id } });
    const ios = await createTestAccount(t.db, agency.id, {
      platformCode: 'APP_IOS',
      handle: '6400000001',
      displayName: '江川通',
    });
    const android = await createTestAccount(t.db, agency.id, {
      platformCode: 'APP_ANDROID',
      handle: 'cn.gov.jiangchuan.jctong',
      displayName: '江川通',
    });
    const resolveCredential = async () => MP;
    for (const account of [wechat, ios, android]) {
      const summary = await runCrawlAccount({
        now: NOW,
        db: t.db,
        accountId: account.id,
        crawlers: (p: PlatformCode) => registry.get(p),
        ctx: ctx(),
        clock: () => NOW,
        resolveCredential,
      });
      expect(summary).toMatchObject({ status: 'SUCCEEDED' });
    }
    const keys = await t.db.crawlExchange.findMany({ select: { requestKey: true } });
    expect(keys.map((k) => k.requestKey).join('\n')).not.toMatch(/SECRETSESSIONID|1234567890/);

    await sandbox.close();
    sandboxOpen = false;
    const result = await runReparse({
      db: t.db,
      since: new Date(NOW.getTime() - 3_600_000),
      crawlers: (p) => registry.get(p),
      now: () => NOW,
      resolveCredential,
    });
    expect(result.runs.filter((r) => r.status === 'REFUSED')).toEqual([]);
    expect(result).toMatchObject({ changed: 0, unchanged: 3, refused: 0 });
  });
});
