import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccountHistories } from '@/lib/services/build-account-histories';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { crawlSince } from '@/lib/services/plan-crawl';
import { runInspection } from '@/lib/services/run-inspection';
import { beijingDayEnd, DAY_MS, parseBeijingDateTime } from '@/lib/time';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// V2 through the real path (ingest → coverage → inspection): a crawl vouches for its day only up to the moment it
// ran, so the rest of that day is unread, not silent (docs/scoring.md "Read up to when").

const cst = (wall: string): Date => {
  const at = parseBeijingDateTime(wall);
  if (!at) throw new Error(`bad wall-clock time ${wall}`);
  return at;
};
/** 2026-11-25 in Beijing: crawled at 09:00, the account posts at 15:00, inspected at 20:00. */
const MORNING = cst('2026-11-25T09:00');
const EVENING = cst('2026-11-25T20:00');
const END_OF_DAY = beijingDayEnd('2026-11-25');
const AFTER_MIDNIGHT = cst('2026-11-26T00:10');

let t: TestDatabase;
let agencyId: string;
const ids: Record<string, string> = {};

type Item = { id: string; at: Date };
/** One successful Weibo crawl at `at` reading `items`, its window starting where the production planner starts it. */
async function crawl(accountId: string, at: Date, items: Item[], firstRead: boolean) {
  return ingestSnapshot(
    t.db,
    {
      accountId,
      platform: 'WEIBO',
      fetchedAt: at,
      outcome: { ok: true, partial: false },
      profile: null,
      posts: items
        .filter((p) => p.at <= at)
        .map((p) => ({
          platformPostId: p.id,
          text: `政务信息 ${p.id}`,
          publishedAt: p.at,
          isPinned: false,
          isRepost: false,
          links: [],
          comments: [],
        })),
      // The first read backfills 40 days; later ones re-read from the start of the last covered day (crawlSince).
      coverage: { from: firstRead ? new Date(at.getTime() - 40 * DAY_MS) : crawlSince(at, '2026-11-25'), to: at },
      deletedPostIds: [],
      appReleases: [],
      storeListings: [],
    },
    { now: at },
  );
}

async function inspect(monitoringAt: Date, name: string) {
  const { id } = await createInspection({
    access: null,
    input: { name, monitoringAt, scopeAgencyId: agencyId, scope: 'TREE', editionCode: 'national-2019' },
    db: t.db,
  });
  await runInspection({ db: t.db, inspectionId: id, now: AFTER_MIDNIGHT });
  return id;
}

async function v2Of(inspectionId: string, key: string) {
  const accountId = ids[key] ?? '';
  const score = await t.db.score.findUniqueOrThrow({ where: { inspectionId_accountId: { inspectionId, accountId } } });
  const findings = await t.db.finding.findMany({ where: { inspectionId, accountId, indicatorCode: 'V2' } });
  const v2 = (
    score.breakdown as { indicators: Array<{ code: string; status: string; reason?: string }> }
  ).indicators.find((b) => b.code === 'V2');
  return {
    result: score.result,
    status: v2?.status,
    reason: v2?.reason ?? null,
    findings: findings.map((f) => f.status),
  };
}

// Last item 2026-11-11 12:00: its 14 days run out at 12:00 on the 25th, after the morning read.
const POSTS_AFTER_READ: Item[] = [
  { id: 'a-last', at: cst('2026-11-11T12:00') },
  { id: 'a-afternoon', at: cst('2026-11-25T15:00') },
];
// Silent since 2026-11-01: the limit was crossed long before the morning read.
const SILENT: Item[] = [{ id: 'b-old', at: cst('2026-11-01T10:00') }];

let evening: string;
let endOfDayEarly: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  agencyId = (await createTestAgency(t.db, { name: '临溪县测试' })).id;
  for (const key of ['postsAfterRead', 'silent', 'late']) ids[key] = (await createTestAccount(t.db, agencyId)).id;
  await crawl(ids.postsAfterRead ?? '', MORNING, POSTS_AFTER_READ, true);
  await crawl(ids.silent ?? '', MORNING, SILENT, true);
  await crawl(ids.late ?? '', cst('2026-11-25T23:50'), SILENT, true);
  evening = await inspect(EVENING, '20:00 检查');
  endOfDayEarly = await inspect(END_OF_DAY, '日终检查（午夜前读取）');
}, 120_000);
afterAll(async () => t?.drop());

describe('V2 is confirmed only when the timeline was read up to the monitoring date', () => {
  it('crawl 09:00, post 15:00, inspection 20:00 (limit crossed at 12:00): no veto, insufficient data with its reason', async () => {
    expect(await v2Of(evening, 'postsAfterRead')).toEqual({
      result: 'INSUFFICIENT_DATA',
      status: 'INSUFFICIENT_DATA',
      reason: 'NOT_READ_THROUGH',
      findings: [],
    });
  });

  it('silent for weeks, read at 09:00, inspected at 20:00: a suspected veto (at risk), not a failure', async () => {
    expect(await v2Of(evening, 'silent')).toEqual({
      result: 'AT_RISK',
      status: 'HIT',
      reason: null,
      findings: ['SUSPECTED'],
    });
  });

  it('a read at 23:50 leaves the last 10 minutes of a day-long monitoring date unread', async () => {
    expect(await v2Of(endOfDayEarly, 'late')).toMatchObject({ result: 'AT_RISK', findings: ['SUSPECTED'] });
    const finding = await t.db.finding.findFirstOrThrow({
      where: { inspectionId: endOfDayEarly, accountId: ids.late ?? '', indicatorCode: 'V2' },
    });
    expect(finding.details).toMatchObject({ readThroughAt: '2026-11-25 23:50', unreadHours: 1 });
  });

  describe('after the reads at 00:10 the next day, re-running the inspections decides them', () => {
    beforeAll(async () => {
      await crawl(ids.postsAfterRead ?? '', AFTER_MIDNIGHT, POSTS_AFTER_READ, false);
      await crawl(ids.silent ?? '', AFTER_MIDNIGHT, SILENT, false);
      await crawl(ids.late ?? '', AFTER_MIDNIGHT, SILENT, false);
      await runInspection({ db: t.db, inspectionId: evening, now: AFTER_MIDNIGHT });
      await runInspection({ db: t.db, inspectionId: endOfDayEarly, now: AFTER_MIDNIGHT });
    }, 120_000);

    it('the 15:00 item, first seen after the monitoring date, counts: V2 clear', async () => {
      expect(await v2Of(evening, 'postsAfterRead')).toMatchObject({ status: 'CLEAR', findings: [] });
      expect(await v2Of(endOfDayEarly, 'postsAfterRead')).toMatchObject({ status: 'CLEAR', findings: [] });
    });

    it('the silent accounts are confirmed vetoes, one finding each (the suspected one, confirmed)', async () => {
      expect(await v2Of(evening, 'silent')).toEqual({
        result: 'FAIL_VETO',
        status: 'HIT',
        reason: null,
        findings: ['CONFIRMED'],
      });
      expect(await v2Of(endOfDayEarly, 'late')).toMatchObject({ result: 'FAIL_VETO', findings: ['CONFIRMED'] });
    });
  });
});

describe('how far the timeline was read (loadReadThroughForScoring through buildAccountHistories)', () => {
  const readThroughOf = async (accountId: string) =>
    (await buildAccountHistories(t.db, [accountId], END_OF_DAY, 30, new Map()))[0]?.readThrough ?? null;

  it('is the coverage end of the crawl of the latest covered day; a later failed crawl reads nothing', async () => {
    const id = (await createTestAccount(t.db, agencyId)).id;
    await crawl(id, MORNING, SILENT, true);
    await ingestSnapshot(
      t.db,
      {
        accountId: id,
        platform: 'WEIBO',
        fetchedAt: cst('2026-11-26T12:00'),
        outcome: { ok: false, kind: 'RATE_LIMITED', message: 'HTTP 418', httpStatus: 418, retryable: true },
        profile: null,
        posts: [],
        coverage: null,
        deletedPostIds: [],
        appReleases: [],
        storeListings: [],
      },
      { now: cst('2026-11-26T12:00') },
    );
    expect(await readThroughOf(id)).toEqual(MORNING);
  });

  it('is unknown (null) for an account never read, and when the covering run is gone', async () => {
    const never = (await createTestAccount(t.db, agencyId)).id;
    expect(await readThroughOf(never)).toBeNull();
    const gone = (await createTestAccount(t.db, agencyId)).id;
    const { crawlRunId } = await crawl(gone, MORNING, SILENT, true);
    await t.db.crawlRun.delete({ where: { id: crawlRunId } });
    expect(await t.db.crawlCoverage.count({ where: { accountId: gone, status: 'COVERED' } })).toBeGreaterThan(0);
    expect(await readThroughOf(gone)).toBeNull();
  });
});
