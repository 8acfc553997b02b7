import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrawlContext } from '@/crawlers/context';
import { runCheckLinks } from '@/crawlers/jobs/check-links';
import { runCrawlAccount } from '@/crawlers/jobs/crawl-account';
import { createLinkChecker } from '@/crawlers/links/check-link';
import { createMenuReader } from '@/crawlers/links/wechat-menu';
import { defaultCrawlerRegistry } from '@/crawlers/registry';
import type { ScenarioInput } from '@/crawlers/sandbox/scenario';
import type { SandboxHandle } from '@/crawlers/sandbox/server';
import type { PlatformCode } from '@/lib/schemas/enums';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { runInspection } from '@/lib/services/run-inspection';
import { startTestSandbox } from '../../helpers/crawler-sandbox';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// D6 end to end: a WeChat account's article (read through the RSS bridge route, the real crawler and ingest) links
// to the sandbox's dead page; the link-check job checks it through the real checker with an injected clock, stores
// link_check rows, and an inspection scores them. national-2019: D6.minHoursApart = 1.

const NOW = new Date('2026-11-25T08:00:00+08:00');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let t: TestDatabase;
let sandbox: SandboxHandle;
let clock = NOW;
const registry = defaultCrawlerRegistry();

const article = (id: string, daysAgo: number, html: string) => ({
  id,
  title: `江川政务动态 ${id}`,
  url: `https://mp.weixin.qq.com/s?__biz=MzkwMDAwMDA3Nw==&mid=${id}&idx=1`,
  publishedAt: `-${daysAgo}d`,
  text: html,
});
const daily = (prefix: string) =>
  Array.from({ length: 20 }, (_, i) =>
    article(`${prefix}${String(i).padStart(3, '0')}`, i + 1, `<p>江川市政务动态第${i}期</p>`),
  );

function scenario(base: string): ScenarioInput {
  return {
    name: 'd6-dead-links',
    now: NOW.toISOString(),
    accounts: [
      {
        platform: 'WECHAT',
        handle: 'gh_d6dead00001',
        profile: { displayName: '江川政务服务' },
        extra: { weMpRssId: 'D6DEAD001' },
        posts: [
          article(
            '2247700001',
            0.5,
            `<p>社保办理指南见<a href="${base}/links/dead">这里</a>，大厅预约请进<a href="${base}/links/ok">入口</a>。</p>`,
          ),
          ...daily('22477001'),
        ],
      },
      {
        platform: 'WECHAT',
        handle: 'gh_d6priv00001',
        profile: { displayName: '江川内网' },
        extra: { weMpRssId: 'D6PRIV001' },
        posts: [
          article('2247800001', 0.5, `<p>内网系统入口<a href="${base}/links/redirect-private">登录</a>。</p>`),
          ...daily('22478001'),
        ],
      },
      {
        // Official-API account: its custom menu is read with its AppID/AppSecret; one menu button leads to a dead page.
        platform: 'WECHAT',
        handle: 'gh_d6menu00001',
        profile: { displayName: '江川办事' },
        extra: {
          appId: 'wxd6menu000000001',
          appSecret: 'sandbox-secret-d6',
          selfmenu: [
            { type: 'view', name: '办事大厅', url: `${base}/links/ok` },
            {
              name: '服务',
              sub_button: {
                list: [
                  { type: 'view', name: '预约', url: `${base}/links/gone` },
                  { type: 'click', name: '联系', key: 'C' },
                ],
              },
            },
          ],
        },
      },
    ],
    failures: [],
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  sandbox = await startTestSandbox({ name: 'empty', accounts: [], failures: [] });
  sandbox.setScenario(scenario(sandbox.url));
});
afterAll(async () => {
  await sandbox.close();
  await t.drop();
});

// The checker as a worker builds it, with the sandbox allowlisted (its port is known once it listens) and the clock injected.
const newChecker = () =>
  createLinkChecker({
    allowHosts: [sandbox.hostPort],
    now: () => clock.getTime(),
    hostPolicy: () => ({ minDelayMs: 0 }),
    timeoutMs: 2000,
  });

async function crawledAccount(handle: string, weMpRssId: string) {
  const agency = await createTestAgency(t.db);
  const account = await createTestAccount(t.db, agency.id, { platformCode: 'WECHAT', handle, displayName: handle });
  await t.db.account.update({ where: { id: account.id }, data: { crawlConfig: { route: 'rss', weMpRssId } } });
  const summary = await runCrawlAccount({
    now: NOW,
    db: t.db,
    accountId: account.id,
    crawlers: (p: PlatformCode) => registry.get(p),
    ctx: {
      ...createCrawlContext({ now: NOW, env: { CRAWLER_ALLOW_HOSTS: sandbox.hostPort, CRAWLER_MIN_DELAY_MS: '0' } }),
      origins: sandbox.origins,
    },
  });
  expect(summary).toMatchObject({ status: 'SUCCEEDED' });
  return { agencyId: agency.id, accountId: account.id };
}

const checkAt = (accountId: string, at: Date) => {
  clock = at;
  return runCheckLinks({ now: at, db: t.db, accountId, checker: newChecker() });
};

type Indicator = {
  code: string;
  status: string;
  deducted: number;
  reason?: string;
  reasonDetails?: Record<string, unknown>;
};

async function scoreAt(agencyId: string, accountId: string, monitoringAt: Date) {
  const { id } = await createInspection({
    access: null,
    input: {
      name: `检查 ${monitoringAt.toISOString()}`,
      monitoringAt,
      scopeAgencyId: agencyId,
      scope: 'TREE',
      editionCode: 'national-2019',
    },
    db: t.db,
  });
  await runInspection({ db: t.db, inspectionId: id, now: monitoringAt });
  const score = await t.db.score.findUniqueOrThrow({
    where: { inspectionId_accountId: { inspectionId: id, accountId } },
  });
  const findings = await t.db.finding.findMany({ where: { inspectionId: id, accountId, indicatorCode: 'D6' } });
  const d6 = (score.breakdown as { indicators: Indicator[] }).indicators.find((i) => i.code === 'D6');
  return { findings, d6 };
}

describe('D6 dead links end to end', () => {
  it('a link never checked is INSUFFICIENT_DATA; one failed check is not yet dead; a second one an hour later is', async () => {
    const { agencyId, accountId } = await crawledAccount('gh_d6dead00001', 'D6DEAD001');
    const stored = await t.db.post.findFirstOrThrow({
      where: { accountId, platformPostId: { startsWith: '2247700001' } },
    });
    expect(stored.links).toEqual([`${sandbox.url}/links/dead`, `${sandbox.url}/links/ok`]);

    // Unknown is not clean: the item's links exist, nothing checked them yet.
    expect((await scoreAt(agencyId, accountId, new Date(NOW.getTime() + MINUTE))).d6).toMatchObject({
      status: 'INSUFFICIENT_DATA',
      reason: 'LINKS_NOT_CHECKED',
      reasonDetails: { links: 2, unchecked: 2 },
    });

    expect(await checkAt(accountId, NOW)).toMatchObject({
      status: 'CHECKED',
      links: 2,
      checked: 2,
      outcomes: { OK: 1, BROKEN: 1, NOT_CHECKED: 0 },
    });
    const once = await scoreAt(agencyId, accountId, new Date(NOW.getTime() + 10 * MINUTE));
    expect(once.findings).toEqual([]);
    expect(once.d6).toMatchObject({
      status: 'INSUFFICIENT_DATA',
      deducted: 0,
      reason: 'LINK_FAILED_ONCE',
      reasonDetails: { links: 2, failedOnce: 1 },
    });

    // Half an hour later nothing is due: the failure waits for minHoursApart, the live link for the recheck interval.
    expect(await checkAt(accountId, new Date(NOW.getTime() + 30 * MINUTE))).toMatchObject({
      status: 'CHECKED',
      checked: 0,
    });
    expect(await checkAt(accountId, new Date(NOW.getTime() + HOUR))).toMatchObject({
      status: 'CHECKED',
      checked: 1,
      outcomes: { BROKEN: 1 },
    });

    const rows = await t.db.linkCheck.findMany({ where: { accountId }, orderBy: { checkedAt: 'asc' } });
    const dead = rows.filter((r) => r.url.endsWith('/links/dead'));
    expect(dead.map((r) => [r.checkedAt.toISOString(), r.outcome, r.httpStatus, r.source, r.reason])).toEqual([
      [NOW.toISOString(), 'BROKEN', 404, 'ITEM', 'HTTP 404'],
      [new Date(NOW.getTime() + HOUR).toISOString(), 'BROKEN', 404, 'ITEM', 'HTTP 404'],
    ]);
    expect(rows.find((r) => r.url.endsWith('/links/ok'))).toMatchObject({ outcome: 'OK', httpStatus: 200 });

    const twice = await scoreAt(agencyId, accountId, new Date(NOW.getTime() + HOUR + 5 * MINUTE));
    expect(twice.d6).toMatchObject({ status: 'HIT', deducted: 2 });
    expect(twice.findings).toHaveLength(1);
    expect(twice.findings[0]).toMatchObject({
      ruleId: 'D6.DEAD_LINK',
      status: 'CONFIRMED',
      points: 2,
      sourceType: 'LINK_CHECK',
      linkCheckId: dead[0]?.id,
      sourceUrl: `${sandbox.url}/links/dead`,
      matchedText: `${sandbox.url}/links/dead`,
      details: {
        httpStatus: 404,
        firstFailedAt: NOW.toISOString(),
        lastFailedAt: new Date(NOW.getTime() + HOUR).toISOString(),
        failures: 2,
      },
    });
  });

  it('reads the WeChat menu through the official API and checks its links too: a dead menu link is D6 after two checks', async () => {
    const agency = await createTestAgency(t.db);
    const account = await createTestAccount(t.db, agency.id, {
      platformCode: 'WECHAT',
      handle: 'gh_d6menu00001',
      displayName: '江川办事',
    });
    const credential = await t.db.platformCredential.create({
      data: {
        platformCode: 'WECHAT',
        label: 'official api',
        kind: 'WECHAT_OFFICIAL_API',
        secretHint: 'wx…0001',
        keyId: 'test',
        ciphertext: Buffer.from('x'),
        iv: Buffer.from('x'),
        authTag: Buffer.from('x'),
      },
    });
    await t.db.account.update({
      where: { id: account.id },
      data: { credentialId: credential.id, crawlConfig: { route: 'official' } },
    });
    const readMenu = createMenuReader({
      context: (now) => ({
        ...createCrawlContext({ now, env: { CRAWLER_ALLOW_HOSTS: sandbox.hostPort, CRAWLER_MIN_DELAY_MS: '0' } }),
        origins: sandbox.origins,
      }),
      resolveCredential: async () => ({ appId: 'wxd6menu000000001', appSecret: 'sandbox-secret-d6' }),
    });
    const check = (at: Date) => {
      clock = at;
      return runCheckLinks({ now: at, db: t.db, accountId: account.id, checker: newChecker(), readMenu });
    };
    expect(await check(NOW)).toMatchObject({ links: 2, checked: 2, outcomes: { OK: 1, BROKEN: 1 } });
    expect(await check(new Date(NOW.getTime() + 2 * HOUR))).toMatchObject({ checked: 1, outcomes: { BROKEN: 1 } });
    const rows = await t.db.linkCheck.findMany({ where: { accountId: account.id }, orderBy: { checkedAt: 'asc' } });
    expect(rows.map((r) => [r.url.replace(sandbox.url, ''), r.source, r.outcome, r.httpStatus]).sort()).toEqual([
      ['/links/gone', 'MENU', 'BROKEN', 410],
      ['/links/gone', 'MENU', 'BROKEN', 410],
      ['/links/ok', 'MENU', 'OK', 200],
    ]);
    const scored = await scoreAt(agency.id, account.id, new Date(NOW.getTime() + 3 * HOUR));
    expect(scored.d6).toMatchObject({ status: 'HIT', deducted: 2 });
    expect(scored.findings.map((f) => f.sourceUrl)).toEqual([`${sandbox.url}/links/gone`]);

    // Without an AppID/AppSecret the menu is unknown: nothing read, nothing checked, never "no dead links".
    const anonymous = await runCheckLinks({
      now: NOW,
      db: t.db,
      accountId: account.id,
      checker: newChecker(),
      readMenu: createMenuReader({
        context: () => {
          throw new Error('unused');
        },
      }),
    });
    expect(anonymous).toMatchObject({ links: 0, checked: 0 });
  });

  it('a link redirecting to a private address is refused and recorded as not checked, never a dead link of the account', async () => {
    const { agencyId, accountId } = await crawledAccount('gh_d6priv00001', 'D6PRIV001');
    expect(await checkAt(accountId, NOW)).toMatchObject({ checked: 1, outcomes: { NOT_CHECKED: 1, BROKEN: 0 } });
    expect(await checkAt(accountId, new Date(NOW.getTime() + 25 * HOUR))).toMatchObject({
      checked: 1,
      outcomes: { NOT_CHECKED: 1 },
    });
    const rows = await t.db.linkCheck.findMany({ where: { accountId } });
    expect(rows.map((r) => [r.outcome, r.errorKind, r.httpStatus])).toEqual([
      ['NOT_CHECKED', 'SSRF_REFUSED', null],
      ['NOT_CHECKED', 'SSRF_REFUSED', null],
    ]);
    expect(rows[0]?.reason).toMatch(/10\.0\.0\.1/);
    const scored = await scoreAt(agencyId, accountId, new Date(NOW.getTime() + 26 * HOUR));
    expect(scored.findings).toEqual([]);
    expect(scored.d6).toMatchObject({ status: 'INSUFFICIENT_DATA', deducted: 0, reason: 'LINKS_NOT_CHECKED' });
  });
});
