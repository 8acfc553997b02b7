import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { getAgencyScorecard } from '@/lib/services/get-agency-scorecard';
import { getOverview } from '@/lib/services/get-overview';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

const NOW = new Date('2026-11-25T04:00:00Z');
const DAY = 86_400_000;
let t: TestDatabase;
let rootId: string;
let access: Access;

async function postDaysAgo(accountId: string, daysAgo: number) {
  await ingestSnapshot(
    t.db,
    {
      accountId,
      platform: 'WEIBO',
      fetchedAt: NOW,
      outcome: { ok: true, partial: false },
      profile: null,
      posts: [
        {
          platformPostId: `${accountId}-1`,
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

beforeAll(async () => {
  t = await createTestDatabase();
  rootId = (await createTestAgency(t.db, { name: '省' })).id;
  const cityA = (await createTestAgency(t.db, { name: '甲市', parentId: rootId, level: 'CITY' })).id;
  const cityB = (await createTestAgency(t.db, { name: '乙市', parentId: rootId, level: 'CITY' })).id;
  const countyA = (await createTestAgency(t.db, { name: '甲县', parentId: cityA, level: 'COUNTY' })).id;
  await postDaysAgo((await createTestAccount(t.db, cityA)).id, 20);
  await postDaysAgo((await createTestAccount(t.db, countyA)).id, 2);
  await createTestAccount(t.db, countyA); // never posted
  // Apps never post: they are not "not updated" on any page.
  await createTestAccount(t.db, cityA, { platformCode: 'APP_IOS' });
  await createTestAccount(t.db, cityB, { platformCode: 'APP_ANDROID' });
  await postDaysAgo((await createTestAccount(t.db, cityB)).id, 15);
  access = {
    userId: 'u',
    name: 'n',
    email: 'e',
    locale: 'zh-CN',
    grants: [{ role: 'SUPERVISOR', agencyId: rootId, agencyName: '省' }],
  };
});
afterAll(async () => t.drop());

describe('agency scorecard stale column', () => {
  it('counts publishing accounts only and adds up to the overview of the same scope', async () => {
    const card = await getAgencyScorecard({ access, agencyId: rootId, now: NOW, db: t.db });
    const overview = await getOverview({ now: NOW, scopeRoots: [rootId], db: t.db });
    expect(card.children.map((c) => [c.name, c.accounts, c.staleAccounts])).toEqual([
      ['乙市', 2, 1],
      ['甲市', 4, 2],
    ]);
    expect(card.children.reduce((n, c) => n + c.staleAccounts, 0)).toBe(overview.staleCount);
    expect(card.staleDays).toBe(overview.staleAfterDays);
  });
});
