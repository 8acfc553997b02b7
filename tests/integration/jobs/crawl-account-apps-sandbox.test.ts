import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrawlContext } from '@/crawlers/context';
import { runCrawlAccount } from '@/crawlers/jobs/crawl-account';
import { defaultCrawlerRegistry } from '@/crawlers/registry';
import type { SandboxHandle } from '@/crawlers/sandbox/server';
import type { PlatformCode } from '@/lib/schemas/enums';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { runInspection } from '@/lib/services/run-inspection';
import { loadScenarioFile, startTestSandbox } from '../../helpers/crawler-sandbox';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// App accounts crawled from the sandbox through the real crawl job and registry, stored by ingest, then scored:
// D7 (docs/indicators.md) must see the stale release, the low rating and the look-alike from another seller.

const NOW = new Date('2026-11-25T08:00:00+08:00');
let t: TestDatabase;
let sandbox: SandboxHandle;
const registry = defaultCrawlerRegistry();

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  sandbox = await startTestSandbox(loadScenarioFile('apps-basic.json'));
});
afterAll(async () => {
  await sandbox.close();
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
const crawlInto = async (accountId: string) =>
  runCrawlAccount({ now: NOW, db: t.db, accountId, crawlers: (p: PlatformCode) => registry.get(p), ctx: ctx() });

async function d7Findings(agencyId: string, accountId: string) {
  const { id } = await createInspection({
    access: null,
    input: {
      name: '移动客户端检查',
      monitoringAt: NOW,
      scopeAgencyId: agencyId,
      scope: 'TREE',
      editionCode: 'national-2019',
    },
    db: t.db,
  });
  await runInspection({ db: t.db, inspectionId: id, now: NOW });
  const findings = await t.db.finding.findMany({
    where: { inspectionId: id, accountId, indicatorCode: 'D7' },
    orderBy: [{ ruleId: 'asc' }, { matchedText: 'asc' }],
  });
  return findings.map((f) => [f.ruleId, f.status, f.points, f.matchedText]);
}

describe('app accounts through runCrawlAccount, ingest and scoring', () => {
  it('an iOS app with a 20-month-old release, 2.47 from 312 ratings and a look-alike gets D7 −15', async () => {
    const agency = await createTestAgency(t.db);
    const app = await createTestAccount(t.db, agency.id, {
      platformCode: 'APP_IOS',
      handle: '6400000001',
      displayName: '江川通',
    });
    const healthy = await createTestAccount(t.db, agency.id, {
      platformCode: 'APP_IOS',
      handle: '6400000003',
      displayName: '白沙健康',
    });
    expect(await crawlInto(app.id)).toMatchObject({ status: 'SUCCEEDED', errorKind: null });
    expect(await crawlInto(healthy.id)).toMatchObject({ status: 'SUCCEEDED' });

    const releases = await t.db.appRelease.findMany({ where: { accountId: app.id } });
    expect(releases).toMatchObject([
      {
        store: 'APP_STORE',
        version: '3.2.1',
        releasedAt: new Date('2025-03-18T02:00:00Z'),
        rating: 2.47,
        ratingCount: 312,
        sellerName: '江川市大数据发展管理局',
      },
    ]);
    const listings = await t.db.storeListing.findMany({ where: { accountId: app.id }, orderBy: { storeAppId: 'asc' } });
    expect(listings.map((l) => l.appName)).toEqual(['江川通Pro', '江川旅游']);

    expect(await d7Findings(agency.id, app.id)).toEqual([
      ['D7.LOOKALIKE_APP', 'CONFIRMED', 5, '江川通Pro'],
      ['D7.LOW_RATING', 'CONFIRMED', 5, null],
      ['D7.NO_RECENT_RELEASE', 'CONFIRMED', 5, null],
    ]);
    expect(await d7Findings(agency.id, healthy.id)).toEqual([]);
  });

  it('an Android app read in AppGallery, 应用宝 and Xiaomi shows the stores’ look-alikes and the stale release', async () => {
    const agency = await createTestAgency(t.db);
    const app = await createTestAccount(t.db, agency.id, {
      platformCode: 'APP_ANDROID',
      handle: 'cn.gov.jiangchuan.jctong',
      displayName: '江川通',
    });
    expect(await crawlInto(app.id)).toMatchObject({ status: 'SUCCEEDED' });
    const releases = await t.db.appRelease.findMany({ where: { accountId: app.id }, orderBy: { store: 'asc' } });
    expect(releases.map((r) => [r.store, r.version])).toEqual([
      ['HUAWEI', '3.2.1'],
      ['YINGYONGBAO', '3.2.0'],
      ['XIAOMI', '3.1.9'],
    ]);
    const findings = await d7Findings(agency.id, app.id);
    expect(findings.filter((f) => f[0] !== 'D7.LOW_RATING')).toEqual([
      ['D7.LOOKALIKE_APP', 'CONFIRMED', 5, '江川通办事'],
      ['D7.LOOKALIKE_APP', 'CONFIRMED', 5, '江川通官方版'],
      ['D7.NO_RECENT_RELEASE', 'CONFIRMED', 5, null],
    ]);
  });

  it('an app removed from the store is a FAILED crawl day, never store data', async () => {
    const agency = await createTestAgency(t.db);
    const app = await createTestAccount(t.db, agency.id, {
      platformCode: 'APP_IOS',
      handle: '6400000002',
      displayName: '清水县政务',
    });
    expect(await crawlInto(app.id)).toMatchObject({ status: 'FAILED', errorKind: 'NOT_FOUND' });
    expect(await t.db.appRelease.count({ where: { accountId: app.id } })).toBe(0);
    expect((await t.db.crawlCoverage.findMany({ where: { accountId: app.id } })).map((c) => c.status)).toEqual([
      'FAILED',
    ]);
  });
});
