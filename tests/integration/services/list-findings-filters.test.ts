import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { findingFilterSchema } from '@/lib/schemas/finding';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { listFindings } from '@/lib/services/list-findings';
import { runInspection } from '@/lib/services/run-inspection';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// Issue 14 item 4: the queue filters by platform and by the Beijing day of the inspection, and names what its id
// filters point at (inside the reader's scope only), so every active filter can be shown in words.
// Monitored 2026-11-25 00:30 Beijing time (16:30 UTC the day before): the Beijing day is the 25th.
const NOW = new Date('2026-11-24T16:30:00Z');
const DAY = 86_400_000;
let t: TestDatabase;
let access: Access;
let accountId: string;
let agencyId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  agencyId = (await createTestAgency(t.db)).id;
  const account = await createTestAccount(t.db, agencyId);
  accountId = account.id;
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
          text: '你最好永远别来！有你不多无你不少！',
          publishedAt: new Date(NOW.getTime() - 2 * DAY),
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
  const { id } = await createInspection({
    access: null,
    input: {
      name: '十一月检查',
      monitoringAt: NOW,
      scopeAgencyId: agencyId,
      scope: 'TREE',
      editionCode: 'national-2019',
    },
    db: t.db,
  });
  await runInspection({ db: t.db, inspectionId: id, now: NOW });
  access = {
    userId: 'u',
    name: 'n',
    email: 'e',
    locale: 'zh-CN',
    grants: [{ role: 'SUPERVISOR', agencyId, agencyName: 'a' }],
  };
});
afterAll(async () => t.drop());

const list = (params: Record<string, string>) =>
  listFindings({ access, filter: findingFilterSchema.parse({ status: 'ALL', ...params }), db: t.db });

describe('findings queue filters', () => {
  it('filters by platform', async () => {
    expect((await list({ platform: 'WEIBO' })).total).toBeGreaterThan(0);
    expect((await list({ platform: 'WECHAT' })).total).toBe(0);
  });

  it('filters by the Beijing day of the monitoring date, around midnight', async () => {
    const all = (await list({})).total;
    expect(all).toBeGreaterThan(0);
    expect((await list({ from: '2026-11-25', to: '2026-11-25' })).total).toBe(all);
    // 16:30 UTC on the 24th is already the 25th in Beijing.
    expect((await list({ to: '2026-11-24' })).total).toBe(0);
    expect((await list({ from: '2026-11-26' })).total).toBe(0);
  });

  it('names the account, agency and inspection of id filters, but not outside the scope', async () => {
    const inspection = await t.db.inspection.findFirstOrThrow();
    const account = await t.db.account.findUniqueOrThrow({ where: { id: accountId } });
    const agency = await t.db.agency.findUniqueOrThrow({ where: { id: agencyId } });
    expect((await list({ accountId, agencyId, inspectionId: inspection.id })).filterNames).toEqual({
      agency: agency.name,
      account: account.displayName,
      inspection: '十一月检查',
    });
    const elsewhere = (await createTestAgency(t.db)).id;
    const stranger: Access = { ...access, grants: [{ role: 'SUPERVISOR', agencyId: elsewhere, agencyName: 'b' }] };
    const seen = await listFindings({
      access: stranger,
      filter: findingFilterSchema.parse({ status: 'ALL', accountId, agencyId }),
      db: t.db,
    });
    expect(seen.total).toBe(0);
    expect(seen.filterNames).toEqual({ agency: null, account: null, inspection: null });
  });
});
