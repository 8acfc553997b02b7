import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeAccountActivity } from '@/lib/data/overview';
import { cloneEdition, NATIONAL_2019 } from '@/lib/scoring';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { getOverview } from '@/lib/services/get-overview';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { runInspection } from '@/lib/services/run-inspection';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';
import { publishedAfterAll } from '../../helpers/edition-in-force';

const NOW = new Date('2026-11-25T04:00:00Z');
const DAY = 86_400_000;
let t: TestDatabase;
let rootId: string;
const ids: Record<string, string> = {};

async function accountPostingDaysAgo(name: string, daysAgo: number | null) {
  const account = await createTestAccount(t.db, rootId, { displayName: name });
  ids[name] = account.id;
  await ingestSnapshot(
    t.db,
    {
      accountId: account.id,
      platform: 'WEIBO',
      fetchedAt: NOW,
      outcome: { ok: true, partial: false },
      profile: null,
      posts:
        daysAgo === null
          ? []
          : [
              {
                platformPostId: `${name}-1`,
                text: '政务信息发布',
                publishedAt: new Date(NOW.getTime() - daysAgo * DAY),
                isPinned: false,
                isRepost: false,
                links: [],
                comments: [],
              },
            ],
      coverage: { from: new Date(NOW.getTime() - 30 * DAY), to: NOW },
      deletedPostIds: [],
      appReleases: [],
      storeListings: [],
    },
    { now: NOW },
  );
}

const post = (id: string, daysAgo: number, extra: { isPinned?: boolean } = {}) => ({
  platformPostId: id,
  text: '政务信息发布',
  publishedAt: new Date(NOW.getTime() - daysAgo * DAY),
  isPinned: false,
  isRepost: false,
  links: [],
  comments: [],
  ...extra,
});

async function ingest(
  accountId: string,
  fetchedAt: Date,
  posts: ReturnType<typeof post>[],
  deletedPostIds: string[] = [],
) {
  await ingestSnapshot(
    t.db,
    {
      accountId,
      platform: 'WEIBO',
      fetchedAt,
      outcome: { ok: true, partial: true },
      profile: null,
      posts,
      coverage: null,
      deletedPostIds,
      appReleases: [],
      storeListings: [],
    },
    { now: fetchedAt },
  );
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
  const { id } = await createInspection({
    access: null,
    input: { name: '总览', monitoringAt: NOW, scopeAgencyId: rootId, scope: 'TREE', editionCode: 'national-2019' },
    db: t.db,
  });
  await runInspection({ db: t.db, inspectionId: id, now: NOW });
});
afterAll(async () => t.drop());

describe('getOverview', () => {
  it('counts every account in SQL and lists the longest-silent first', async () => {
    const o = await getOverview({ now: NOW, scopeRoots: [rootId], db: t.db });
    expect([o.staleCount, o.nearingCount]).toEqual([3, 1]);
    expect(o.stale.map((i) => [i.displayName, i.daysSinceLastPost])).toEqual([
      ['silent', null],
      ['stale20', 20],
      ['stale15', 15],
    ]);
    expect(o.nearing.map((i) => [i.displayName, i.daysSinceLastPost])).toEqual([['nearing', 11]]);
    expect(o.windowCoverage).toBe(1);
    expect(o.counts.accounts).toBe(5);
    expect(o.latest.vetoed + o.latest.atRisk + o.latest.passed).toBeLessThanOrEqual(o.latest.scored);
    expect(o.latest.vetoedAccounts).toHaveLength(Math.min(50, o.latest.vetoed));
  });

  it('caps the lists while keeping the counts', async () => {
    const staleBefore = new Date(NOW.getTime() - 14 * DAY);
    const nearingBefore = new Date(NOW.getTime() - 10 * DAY);
    const s = await summarizeAccountActivity(t.db, [rootId], {
      coverageFromDay: '2026-11-12',
      staleBefore,
      nearingBefore,
      windowDays: 14,
      limit: 1,
    });
    expect([s.accounts, s.staleCount, s.nearingCount, s.stale.length]).toEqual([5, 3, 1, 1]);
    expect(s.stale[0]?.accountId).toBe(ids.silent);
    expect(await getOverview({ now: NOW, scopeRoots: [(await createTestAgency(t.db)).id], db: t.db })).toMatchObject({
      staleCount: 0,
      windowCoverage: null,
      stale: [],
    });
  });

  it('reads the last post from account.last_post_at, which ingest recomputes after new posts, deletions and pins', async () => {
    const agencyId = (await createTestAgency(t.db)).id;
    const account = await createTestAccount(t.db, agencyId, { displayName: 'moving' });
    const lastPostAt = async () =>
      (await t.db.account.findUniqueOrThrow({ where: { id: account.id }, select: { lastPostAt: true } })).lastPostAt;
    const staleDays = async () => {
      const o = await getOverview({ now: NOW, scopeRoots: [agencyId], db: t.db });
      return { stale: o.stale.map((i) => i.daysSinceLastPost), nearing: o.nearing.map((i) => i.daysSinceLastPost) };
    };

    // A pinned item counts by its own date (docs/platform-formats.md §1.3): an old pinned one does not freshen the account …
    await ingest(account.id, new Date(NOW.getTime() - 2 * DAY), [
      post('old', 20),
      post('pinned-old', 40, { isPinned: true }),
    ]);
    expect(await lastPostAt()).toEqual(new Date(NOW.getTime() - 20 * DAY));
    expect(await staleDays()).toEqual({ stale: [20], nearing: [] });

    await ingest(account.id, new Date(NOW.getTime() - DAY), [post('newer', 12)]);
    expect(await lastPostAt()).toEqual(new Date(NOW.getTime() - 12 * DAY));
    expect(await staleDays()).toEqual({ stale: [], nearing: [12] });

    // Deleting the newest post moves it backwards, and a new pinned item is the newest post.
    await ingest(account.id, NOW, [], ['newer']);
    expect(await lastPostAt()).toEqual(new Date(NOW.getTime() - 20 * DAY));
    await ingest(account.id, NOW, [post('pinned', 3, { isPinned: true })]);
    expect(await lastPostAt()).toEqual(new Date(NOW.getTime() - 3 * DAY));
    expect(await staleDays()).toEqual({ stale: [], nearing: [] });
  });

  it('takes its stale and nearing windows from the edition in force (the latest published one)', async () => {
    const catalogue = cloneEdition(NATIONAL_2019, {
      code: 'strict-10',
      name: '十天版',
      veto: { V2: { windowDays: 10 } },
    });
    const edition = await t.db.indicatorEdition.create({
      data: {
        code: catalogue.code,
        name: catalogue.name,
        status: 'PUBLISHED',
        publishedAt: await publishedAfterAll(t.db),
        catalogue,
      },
    });
    try {
      const o = await getOverview({ now: NOW, scopeRoots: [rootId], db: t.db });
      expect([o.staleAfterDays, o.nearingFromDays]).toEqual([10, 6]);
      // 'nearing' (11.5 days) is past a 10-day window; nothing lies between 6 and 10 days.
      expect(o.stale.map((i) => i.displayName)).toEqual(['silent', 'stale20', 'stale15', 'nearing']);
      expect(o.nearingCount).toBe(0);
    } finally {
      await t.db.indicatorEdition.delete({ where: { id: edition.id } });
    }
  });
});
