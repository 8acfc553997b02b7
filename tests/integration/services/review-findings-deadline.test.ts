import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { cloneEdition, NATIONAL_2019 } from '@/lib/scoring';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { reviewFindings } from '@/lib/services/review-findings';
import { runInspection } from '@/lib/services/run-inspection';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// Wednesday 2026-11-25, 12:00 Beijing; no holidays in the following weeks.
const NOW = new Date('2026-11-25T04:00:00Z');
const DAY = 86_400_000;
let t: TestDatabase;
let agencyId: string;
let access: Access;

async function insultFindingScoredWith(editionCode: string): Promise<string> {
  const account = await createTestAccount(t.db, agencyId);
  await ingestSnapshot(
    t.db,
    {
      accountId: account.id,
      platform: 'WEIBO',
      fetchedAt: NOW,
      outcome: { ok: true, partial: false },
      profile: null,
      posts: [
        {
          platformPostId: `${account.id}-1`,
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
    input: { name: editionCode, monitoringAt: NOW, scopeAgencyId: agencyId, scope: 'TREE', editionCode },
    db: t.db,
  });
  await runInspection({ db: t.db, inspectionId: id, now: NOW });
  await t.db.account.update({ where: { id: account.id }, data: { lifecycle: 'CLOSED' } }); // out of the next inspection
  return (await t.db.finding.findFirstOrThrow({ where: { accountId: account.id, indicatorCode: 'D3' } })).id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  agencyId = (await createTestAgency(t.db)).id;
  const strict = cloneEdition(NATIONAL_2019, {
    code: 'strict-a3',
    name: '五日整改版',
    annual: { A3: { deadlineWorkdays: 5 } },
  });
  await t.db.indicatorEdition.create({
    data: { code: strict.code, name: strict.name, status: 'PUBLISHED', publishedAt: NOW, catalogue: strict },
  });
  access = {
    userId: 'u',
    name: 'n',
    email: 'e',
    locale: 'zh-CN',
    grants: [{ role: 'SUPERVISOR', agencyId, agencyName: 'a' }],
  };
});
afterAll(async () => t.drop());

describe('rectification deadline', () => {
  it('is the A3 deadline of the edition the finding was scored with', async () => {
    const national = await insultFindingScoredWith('national-2019');
    const strict = await insultFindingScoredWith('strict-a3');
    await reviewFindings({
      access,
      input: { ids: [national, strict], decision: 'CONFIRMED', reason: '' },
      now: NOW,
      db: t.db,
    });
    const deadlines = await t.db.rectification.findMany({
      where: { findingId: { in: [national, strict] } },
      select: { findingId: true, deadline: true },
    });
    const day = (id: string) =>
      deadlines
        .find((d) => d.findingId === id)
        ?.deadline.toISOString()
        .slice(0, 10);
    expect(day(national)).toBe('2026-12-16'); // 15 working days after Wed 25 Nov
    expect(day(strict)).toBe('2026-12-02'); // 5 working days
  });
});
