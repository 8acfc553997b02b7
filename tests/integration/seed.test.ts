import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountByHandle } from '@/lib/data/accounts';
import { countAgencies, findAgencyByCode, listAgencies } from '@/lib/data/agencies';
import { buildDemoProvince, DEMO_GOLDEN_ACCOUNTS, DEMO_TRAIT_ACCOUNTS, toSnapshotInputs } from '@/lib/demo';
import type { Access } from '@/lib/access';
import { resultFigures } from '@/lib/scoring/figures/results';
import { getAgencyScorecard } from '@/lib/services/get-agency-scorecard';
import { getOverview } from '@/lib/services/get-overview';
import { seedDemoProvince, type SeedSummary } from '@/lib/services/seed-demo-province';
import { dateToDay, shanghaiDay } from '@/lib/time';
import { countAccounts, listAccountsByAgency } from '../helpers/accounts';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

// The demo seed into a database of its own (cloned from the migrated template; local hosts only).
const NOW = new Date('2026-11-25T04:00:00Z');
const DAY = 86_400_000;
const province = buildDemoProvince({ now: NOW });
let t: TestDatabase;
let summary: SeedSummary;

const accountOf = (key: string) => {
  const a = province.accounts.find((x) => x.key === key);
  if (!a) throw new Error(`no demo account ${key}`);
  return a;
};
async function coverageOf(key: string) {
  const a = accountOf(key);
  const stored = await findAccountByHandle(t.db, a.platformCode, a.handle);
  // The recent history only: the past quarters' episodes (lib/demo/past-quarters.ts) end before it.
  const since = shanghaiDay(historyOf(key).crawlFrom);
  const rows = await t.db.crawlCoverage.findMany({
    where: { accountId: stored?.id ?? '', day: { gte: new Date(`${since}T00:00:00Z`) } },
    orderBy: { day: 'asc' },
  });
  return rows.map((r) => ({ day: dateToDay(r.day), status: r.status, errorKind: r.errorKind }));
}
const historyOf = (key: string) => {
  const h = province.histories.get(key);
  if (!h) throw new Error(`no demo history for ${key}`);
  return h;
};
const currentInspection = () => t.db.inspection.findFirstOrThrow({ where: { monitoringAt: NOW } });
const provinceAdmin = (rootId: string): Access => ({
  userId: 'seed-test',
  name: '',
  email: '',
  locale: 'zh-CN',
  grants: [{ role: 'ADMIN', agencyId: rootId, agencyName: '江川省' }],
});
const quarterOf = (d: Date) => {
  const wall = new Date(d.getTime() + 8 * 3_600_000);
  return `${wall.getUTCFullYear()}-Q${Math.floor(wall.getUTCMonth() / 3) + 1}`;
};
const shanghaiDaysAgo = (n: number) => shanghaiDay(new Date(NOW.getTime() - n * DAY));

beforeAll(async () => {
  t = await createTestDatabase();
  summary = await seedDemoProvince({ db: t.db, now: NOW, mode: 'empty-only' });
}, 600_000);
afterAll(async () => t?.drop());

describe('demo seed', () => {
  it('stores every agency and account of the demo province, with ancestry', async () => {
    expect(summary.skipped).toBe(false);
    expect(await countAgencies(t.db)).toBe(province.agencies.length);
    expect(await countAccounts(t.db)).toBe(province.accounts.length);
    expect(await countAccounts(t.db, { lifecycle: 'CLOSED' })).toBe(DEMO_TRAIT_ACCOUNTS.closed.length);
    const root = await findAgencyByCode(t.db, '330000');
    const county = await findAgencyByCode(t.db, '330102');
    const city = await findAgencyByCode(t.db, '330100');
    expect(county?.ancestorIds).toEqual([root?.id, city?.id]);
    const subtree = await listAgencies(t.db, { rootId: county?.id });
    expect(subtree.map((a) => a.name)).toEqual(
      expect.arrayContaining(['临溪县', '临溪县卫生健康局', '白沙镇人民政府']),
    );
    expect(subtree.every((a) => a.id === county?.id || a.ancestorIds.includes(county?.id ?? ''))).toBe(true);
    expect((await listAgencies(t.db, { isSupervisingUnit: true })).length).toBe(
      province.agencies.filter((a) => a.isSupervisingUnit).length,
    );
    const office = await findAgencyByCode(t.db, '330100-01');
    expect((await listAccountsByAgency(t.db, office?.id ?? '')).map((a) => a.platformCode).sort()).toEqual([
      'APP_ANDROID',
      'APP_IOS',
      'DOUYIN',
      'WECHAT',
      'WEIBO',
    ]);
  });

  it('ingests every post and comment the crawls would have produced', async () => {
    const inputs = province.accounts.flatMap((a) => toSnapshotInputs(a, historyOf(a.key)));
    const posts = new Set(inputs.flatMap((i) => i.posts.map((p) => `${i.accountId}/${p.platformPostId}`)));
    const comments = new Set(
      inputs.flatMap((i) =>
        i.posts.flatMap((p) => p.comments.map((c) => `${i.accountId}/${p.platformPostId}/${c.platformCommentId}`)),
      ),
    );
    expect(await t.db.post.count()).toBe(posts.size);
    expect(await t.db.comment.count()).toBe(comments.size);
    expect(summary).toMatchObject({ crawls: inputs.length, posts: posts.size, comments: comments.size });
    expect(await t.db.crawlRun.count()).toBe(inputs.length);
    expect(await t.db.snapshot.count()).toBe(inputs.filter((i) => i.profile).length);
    expect(await t.db.accountLifecycleEvent.count()).toBe(
      DEMO_TRAIT_ACCOUNTS.closed.length + DEMO_TRAIT_ACCOUNTS.changed.length,
    );
  });

  it('G7: every day of the last 60 is covered, and nothing was published in the last 15', async () => {
    const rows = await coverageOf(DEMO_GOLDEN_ACCOUNTS.G7);
    expect(rows).toHaveLength(60);
    expect(rows.every((r) => r.status === 'COVERED')).toBe(true);
    expect(rows.at(-1)?.day).toBe(shanghaiDay(NOW));
    const a = accountOf(DEMO_GOLDEN_ACCOUNTS.G7);
    const stored = await findAccountByHandle(t.db, a.platformCode, a.handle);
    expect(
      await t.db.post.count({
        where: { accountId: stored?.id ?? '', publishedAt: { gt: new Date(NOW.getTime() - 15 * DAY) } },
      }),
    ).toBe(0);
  });

  it('G8: the last ten days are FAILED with RATE_LIMITED (HTTP 418), the days before are covered', async () => {
    const rows = await coverageOf(DEMO_GOLDEN_ACCOUNTS.G8);
    const failed = rows.filter((r) => r.status === 'FAILED');
    expect(failed.map((r) => r.day)).toEqual(Array.from({ length: 10 }, (_, i) => shanghaiDaysAgo(9 - i)));
    expect(failed.every((r) => r.errorKind === 'RATE_LIMITED')).toBe(true);
    const covered = rows.filter((r) => r.status === 'COVERED');
    expect(covered.at(-1)?.day).toBe(shanghaiDaysAgo(10));
    expect(covered).toHaveLength(50);
    const a = accountOf(DEMO_GOLDEN_ACCOUNTS.G8);
    const stored = await findAccountByHandle(t.db, a.platformCode, a.handle);
    expect(
      await t.db.crawlRun.count({
        where: { accountId: stored?.id ?? '', status: 'FAILED', httpStatus: 418, coverageFrom: null },
      }),
    ).toBe(10);
  });

  it('issues the demo reposting task: every other target reposted in time, the rest lose D10 points; G1 has a bonus', async () => {
    const task = await t.db.repostTask.findFirstOrThrow({
      include: {
        targets: {
          include: { account: { select: { platformCode: true, agency: { select: { id: true, ancestorIds: true } } } } },
        },
      },
    });
    const county = await t.db.agency.findFirstOrThrow({ where: { name: '临溪县' } });
    expect(task.itemUrl).toBe(province.repostItemUrl);
    expect(task.targets.length).toBeGreaterThanOrEqual(2);
    expect(
      task.targets.every(
        (x) =>
          x.account.platformCode === 'WEIBO' &&
          (x.account.agency.id === county.id || x.account.agency.ancestorIds.includes(county.id)),
      ),
    ).toBe(true);
    const reposted = task.targets.filter((x) => x.postId !== null);
    expect(reposted.length).toBe(Math.ceil(task.targets.length / 2));
    const inspection = await currentInspection();
    const d10 = await t.db.finding.findMany({ where: { inspectionId: inspection.id, indicatorCode: 'D10' } });
    expect(d10.map((f) => f.accountId).sort()).toEqual(
      task.targets
        .filter((x) => x.postId === null)
        .map((x) => x.accountId)
        .sort(),
    );
    expect(d10.every((f) => f.points === 2 && f.status === 'CONFIRMED')).toBe(true);
    const g1 = accountOf(DEMO_GOLDEN_ACCOUNTS.G1);
    const stored = await findAccountByHandle(t.db, g1.platformCode, g1.handle);
    const score = await t.db.score.findFirstOrThrow({
      where: { inspectionId: inspection.id, accountId: stored?.id ?? '' },
    });
    expect(score.bonus).toBe(2);
  });

  it('enters the demo leaders; the post calling a deputy governor 省长 is a suspected V1.1 and its account at risk', async () => {
    expect(
      await t.db.lexicon.findUnique({
        where: { code: 'demo-leaders' },
        include: { _count: { select: { entries: true } } },
      }),
    ).toMatchObject({ category: 'PROTECTED_TERM', _count: { entries: 4 } });
    const a = accountOf('qs-qsx-propaganda:WEIBO');
    const stored = await findAccountByHandle(t.db, a.platformCode, a.handle);
    const inspection = await currentInspection();
    const v11 = await t.db.finding.findMany({
      where: { inspectionId: inspection.id, accountId: stored?.id ?? '', indicatorCode: 'V1.1' },
    });
    expect(v11).toMatchObject([
      { ruleId: 'V1.1.LEADER_TITLE', matchedText: '省长陈思远', status: 'SUSPECTED', isVeto: true },
    ]);
    expect(
      await t.db.score.findFirstOrThrow({ where: { inspectionId: inspection.id, accountId: stored?.id ?? '' } }),
    ).toMatchObject({ result: 'AT_RISK', pendingVetoCodes: ['V1.1'] });
    // Nowhere else in the demo province is a leader mistitled or misordered.
    expect(
      await t.db.finding.count({
        where: { inspectionId: inspection.id, ruleId: { in: ['V1.1.LEADER_TITLE', 'V1.1.LEADER_ORDER'] } },
      }),
    ).toBe(1);
  });

  it('raises the demo alerts once: G7 stale, G8 crawl failing, the planted nearing-stale accounts, the suspected V1.1', async () => {
    const alerts = await t.db.alert.findMany({
      select: { kind: true, dedupeKey: true, account: { select: { platformCode: true, handle: true } } },
    });
    const kindsOf = (key: string) => {
      const a = accountOf(key);
      return alerts
        .filter((x) => x.account.platformCode === a.platformCode && x.account.handle === a.handle)
        .map((x) => x.kind)
        .sort();
    };
    expect(summary.alerts).toBe(alerts.length);
    expect(alerts.every((x) => x.dedupeKey.endsWith(`:${x.kind}:${shanghaiDay(NOW)}`))).toBe(true);
    expect(kindsOf(DEMO_GOLDEN_ACCOUNTS.G7)).toEqual(['STALE']);
    expect(kindsOf(DEMO_GOLDEN_ACCOUNTS.G8)).toContain('CRAWL_FAILING');
    for (const key of DEMO_TRAIT_ACCOUNTS.nearingStale) expect(kindsOf(key)).toEqual(['NEARING_STALE']);
    expect(kindsOf('qs-qsx-propaganda:WEIBO')).toEqual(['VETO_SUSPECTED']);
  });

  it('carries finished inspections of the three quarters before, scored with verdicts, improving quarter by quarter', async () => {
    const inspections = await t.db.inspection.findMany({
      where: { status: 'DONE' },
      orderBy: { monitoringAt: 'asc' },
      select: { id: true, name: true, monitoringAt: true, createdAt: true },
    });
    const quarters = inspections.map((i) => quarterOf(i.monitoringAt));
    expect(quarters).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(summary.pastInspections).toBe(3);
    // The province's own inspection stays the first one created: the sandbox replays the demo at its monitoring date.
    const first = await t.db.inspection.findFirstOrThrow({ orderBy: { createdAt: 'asc' } });
    expect(first.monitoringAt).toEqual(NOW);
    const overview = await getOverview({ now: NOW, scopeRoots: [first.scopeAgencyId], db: t.db });
    expect(overview.trend.map((p) => p.quarter)).toEqual(quarters);
    for (const point of overview.trend.slice(0, 3)) {
      // Most accounts have a verdict: the episodes cover the V2 window, so unknown is the exception.
      expect(point.scored).toBeGreaterThan(province.accounts.length * 0.8);
    }
    // The ranking partitions the scope: its units' verdicts add up to the overview's, and the province's agency page
    // totals say the same numbers (one definition, docs/figures.md).
    expect(overview.ranking.reduce((n, u) => n + u.results.scored, 0)).toBe(overview.latest.scored);
    expect(overview.ranking.reduce((n, u) => n + u.failing, 0)).toBe(overview.latest.scored - overview.latest.passed);
    const rates = overview.ranking.flatMap((u) => (u.results.passRate === null ? [] : [u.results.passRate]));
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    const worst = overview.ranking[0];
    expect(worst?.failingAccounts.length).toBe(Math.min(3, worst?.failing ?? 0));
    expect(worst?.topIndicators.length).toBeGreaterThan(0);
    const card = await getAgencyScorecard({
      access: provinceAdmin(first.scopeAgencyId),
      agencyId: first.scopeAgencyId,
      now: NOW,
      db: t.db,
    });
    expect(card.totals?.results).toEqual(
      resultFigures({
        PASS: overview.latest.passed,
        FAIL_SCORE: overview.latest.failedScore,
        FAIL_VETO: overview.latest.vetoed,
        AT_RISK: overview.latest.atRisk,
        INSUFFICIENT_DATA: overview.latest.insufficientData,
      }),
    );
    expect(card.totals?.zombies).toBe(overview.latest.zombies);
    const [q1, , q3] = overview.trend;
    expect(q1?.vetoed).toBeGreaterThan(q3?.vetoed ?? Infinity);
    expect(q1?.passRate ?? 1).toBeLessThan(q3?.passRate ?? 0);
    // Past vetoes are V2 (内容不更新) on the accounts planted silent, confirmed by the detector, not by a review.
    const pastV2 = await t.db.finding.findMany({
      where: { indicatorCode: 'V2', inspection: { monitoringAt: { lt: NOW } } },
      select: { accountId: true, status: true },
    });
    const silent = province.accounts.filter((a) => historyOf(a.key).episodes.some((e) => e.isSilent));
    expect(silent.length).toBeGreaterThan(5);
    expect(pastV2.length).toBeGreaterThanOrEqual(silent.length);
    expect(pastV2.every((f) => f.status === 'CONFIRMED')).toBe(true);
  });

  it('refuses a second run, skips with if-empty, and will not append the province twice', async () => {
    await expect(seedDemoProvince({ db: t.db, now: NOW, mode: 'empty-only' })).rejects.toThrow(/already has agencies/);
    expect((await seedDemoProvince({ db: t.db, now: NOW, mode: 'if-empty' })).skipped).toBe(true);
    await expect(seedDemoProvince({ db: t.db, now: NOW, mode: 'append' })).rejects.toThrow(/already in this database/);
    expect(await countAgencies(t.db)).toBe(province.agencies.length);
  });
});
