// "The latest score" is one definition (lib/data/score-trends.ts latestScoresSql): the finished inspection with the
// latest monitoring date. A review re-scores older inspections too, so the newest computation is not the latest
// score; the agency page once picked it and disagreed with the overview and the account page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { getAccountDetail } from '@/lib/services/get-account-detail';
import { getAgencyScorecard } from '@/lib/services/get-agency-scorecard';
import { getOverview } from '@/lib/services/get-overview';
import { rescoreAccounts } from '@/lib/services/rescore-accounts';
import { runInspection } from '@/lib/services/run-inspection';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';
import { ingestWeiboPosts, postsDaysAgo } from '../../helpers/ingest';

const EARLY = new Date('2026-10-10T04:00:00Z');
const LATE = new Date('2026-11-20T04:00:00Z');
const DAY = 86_400_000;
let t: TestDatabase;
let rootId: string;
let countyId: string;
let accountId: string;
let access: Access;

const ingest = (at: Date, daysAgo: number[]) =>
  ingestWeiboPosts(t.db, { accountId, at, posts: postsDaysAgo(at, daysAgo) });

async function inspect(name: string, at: Date) {
  const { id } = await createInspection({
    access: null,
    input: { name, monitoringAt: at, scopeAgencyId: rootId, scope: 'TREE', editionCode: 'national-2019' },
    db: t.db,
  });
  await runInspection({ db: t.db, inspectionId: id, now: at });
  return id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  rootId = (await createTestAgency(t.db, { name: '省' })).id;
  countyId = (await createTestAgency(t.db, { name: '县', parentId: rootId, level: 'COUNTY' })).id;
  accountId = (await createTestAccount(t.db, countyId, { displayName: '先沉默后更新' })).id;
  // Silent at the early inspection (a V2 veto), publishing by the late one.
  await ingest(EARLY, [20]);
  const early = await inspect('十月检查', EARLY);
  await ingest(LATE, [1, 3, 5, 8, 12, 16, 20, 25]);
  await inspect('十一月检查', LATE);
  // A review re-scores the early inspection after the late one: its score is now the newest computation.
  await rescoreAccounts({
    db: t.db,
    targets: [{ inspectionId: early, accountId }],
    now: new Date(LATE.getTime() + DAY),
  });
  access = {
    userId: 'u',
    name: 'n',
    email: 'e',
    locale: 'zh-CN',
    grants: [{ role: 'SUPERVISOR', agencyId: rootId, agencyName: '省' }],
  };
});
afterAll(async () => t?.drop());

describe('latest score', () => {
  it("is the late inspection's on the overview, the agency rows, the own-account list and the account page", async () => {
    // Precondition: the newest computation is the early inspection's veto.
    const newest = await t.db.score.findFirstOrThrow({
      where: { accountId },
      orderBy: { computedAt: 'desc' },
      select: { result: true, inspection: { select: { name: true } } },
    });
    expect(newest).toEqual({ result: 'FAIL_VETO', inspection: { name: '十月检查' } });
    const now = new Date(LATE.getTime() + 2 * DAY);
    const detail = await getAccountDetail({ access, accountId, page: 1, now, db: t.db });
    expect(detail.scores.map((s) => s.inspectionName)).toEqual(['十一月检查', '十月检查']);
    const latest = detail.scores[0];
    expect(latest?.result).not.toBe('FAIL_VETO');
    const overview = await getOverview({ now, scopeRoots: [rootId], db: t.db });
    expect(overview.latest.vetoed).toBe(0);
    const root = await getAgencyScorecard({ access, agencyId: rootId, now, db: t.db });
    // The account lists behind the counts are the overview's own; the counts must agree.
    const { vetoedAccounts: _v, atRiskAccounts: _r, failedScoreAccounts: _f, zombies, ...figures } = overview.latest;
    expect(root.children[0]?.results).toEqual(figures);
    expect(root.children[0]?.zombies).toBe(zombies);
    expect(root.children[0]?.results.vetoed).toBe(0);
    expect(root.children[0]?.zombies).toBe(0);
    const county = await getAgencyScorecard({ access, agencyId: countyId, now, db: t.db });
    expect(county.accounts[0]?.latest).toMatchObject({ result: latest?.result, reportedScore: latest?.reportedScore });
  });
});
