import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeAccountActivity } from '@/lib/data/overview';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { getOverview } from '@/lib/services/get-overview';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { runInspection } from '@/lib/services/run-inspection';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

const NOW = new Date('2026-11-25T04:00:00Z');
const DAY = 86_400_000;
let t: TestDatabase;
let rootId: string;
const ids: Record<string, string> = {};

async function accountPostingDaysAgo(name: string, daysAgo: number | null) {
  const account = await createTestAccount(t.db, rootId, { displayName: name });
  ids[name] = account.id;
  await ingestSnapshot(t.db, {
    accountId: account.id, platform: 'WEIBO', fetchedAt: NOW, outcome: { ok: true, partial: false }, profile: null,
    posts: daysAgo === null ? [] : [{ platformPostId: `${name}-1`, text: '政务信息发布', publishedAt: new Date(NOW.getTime() - daysAgo * DAY), isPinned: false, isRepost: false, links: [], comments: [] }],
    coverage: { from: new Date(NOW.getTime() - 30 * DAY), to: NOW }, deletedPostIds: [], appReleases: [], storeListings: [],
  }, { now: NOW });
}

const post = (id: string, daysAgo: number, extra: { isPinned?: boolean } = {}) => ({
  platformPostId: id, text: '政务信息发布', publishedAt: new Date(NOW.getTime() - daysAgo * DAY), isPinned: false, isRepost: false, links: [], comments: [], ...extra,
});

async function ingest(accountId: string, fetchedAt: Date, posts: ReturnType<typeof post>[], deletedPostIds: string[] = []) {
  await ingestSnapshot(t.db, {
    accountId, platform: 'WEIBO', fetchedAt, outcome: { ok: true, partial: true }, profile: null,
    posts, coverage: null, deletedPostIds, appReleases: [], storeListings: [],
  }, { now: fetchedAt });
}

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  rootId = (await createTestAgency(t.db)).id;
  await accountPostingDaysAgo('fresh', 1);
  await accountPostingDaysAgo('nearing', 11.5);
  await accountPostingDaysAgo('stale20', 20);
  await accountPostingDaysAgo('stale15', 15);
  await accountPostingDaysAgo('silent', null);
  const { id } = await createInspection({ access: null, input: { name: '总览', monitoringAt: NOW, scopeAgencyId: rootId, scope: 'TREE', editionCode: 'national-2019' }, db: t.db });
  await runInspection({ db: t.db, inspectionId: id, now: NOW });
});
afterAll(async () => t.drop());

describe('getOverview', () => {
  it('counts every account in SQL and lists the longest-silent first', async () => {
    const o = await getOverview({ now: NOW, scopeRoots: [rootId], db: t.db });
    expect([o.staleCount, o.nearingCount]).toEqual([3, 1]);
    expect(o.stale.map((i) => [i.displayName, i.daysSinceLastPost])).toEqual([['silent', null], ['stale20', 20], ['stale15', 15]]);
    expect(o.nearing.map((i) => [i.displayName, i.daysSinceLastPost])).toEqual([['nearing', 11]]);
    expect(o.coverage14).toBe(1);
    expect(o.counts.accounts).toBe(5);
    expect(o.latest.vetoedCount + o.latest.atRiskCount + o.latest.passed).toBeLessThanOrEqual(o.latest.scored);
    expect(o.latest.vetoed).toHaveLength(Math.min(50, o.latest.vetoedCount));
  });

  it('caps the lists while keeping the counts', async () => {
    const staleBefore = new Date(NOW.getTime() - 14 * DAY);
    const nearingBefore = new Date(NOW.getTime() - 10 * DAY);
    const s = await summarizeAccountActivity(t.db, [rootId], { coverageFromDay: '2026-11-12', staleBefore, nearingBefore, windowDays: 14, limit: 1 });
    expect([s.accounts, s.staleCount, s.nearingCount, s.stale.length]).toEqual([5, 3, 1, 1]);
    expect(s.stale[0]?.accountId).toBe(ids.silent);
    expect(await getOverview({ now: NOW, scopeRoots: [(await createTestAgency(t.db)).id], db: t.db })).toMatchObject({ staleCount: 0, coverage14: null, stale: [] });
  });

  it('reads the last post from account.last_post_at, which ingest recomputes after new posts, deletions and pins', async () => {
    const agencyId = (await createTestAgency(t.db)).id;
    const account = await createTestAccount(t.db, agencyId, { displayName: 'moving' });
    const lastPostAt = async () => (await t.db.account.findUniqueOrThrow({ where: { id: account.id }, select: { lastPostAt: true } })).lastPostAt;
    const staleDays = async () => {
      const o = await getOverview({ now: NOW, scopeRoots: [agencyId], db: t.db });
      return { stale: o.stale.map((i) => i.daysSinceLastPost), nearing: o.nearing.map((i) => i.daysSinceLastPost) };
    };

    await ingest(account.id, new Date(NOW.getTime() - 2 * DAY), [post('old', 20), post('pinned', 3, { isPinned: true })]);
    expect(await lastPostAt()).toEqual(new Date(NOW.getTime() - 20 * DAY));
    expect(await staleDays()).toEqual({ stale: [20], nearing: [] });

    await ingest(account.id, new Date(NOW.getTime() - DAY), [post('newer', 12)]);
    expect(await lastPostAt()).toEqual(new Date(NOW.getTime() - 12 * DAY));
    expect(await staleDays()).toEqual({ stale: [], nearing: [12] });

    // Deleting the newest post moves it backwards, and a post unpinned upstream counts again.
    await ingest(account.id, NOW, [], ['newer']);
    expect(await lastPostAt()).toEqual(new Date(NOW.getTime() - 20 * DAY));
    await ingest(account.id, NOW, [post('pinned', 3)]);
    expect(await lastPostAt()).toEqual(new Date(NOW.getTime() - 3 * DAY));
    expect(await staleDays()).toEqual({ stale: [], nearing: [] });
  });
});
