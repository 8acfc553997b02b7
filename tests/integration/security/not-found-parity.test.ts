import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { completeRectification } from '@/lib/services/complete-rectification';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { getAccountDetail } from '@/lib/services/get-account-detail';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { reviewFindings } from '@/lib/services/review-findings';
import { runInspection } from '@/lib/services/run-inspection';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// Issue 13 item 11: an id of another county answered FORBIDDEN while a missing id answered NOT_FOUND, so ids
// could be probed for existence. Now whoever cannot read it gets the missing answer.
const NOW = new Date('2026-11-25T04:00:00Z');
const DAY = 86_400_000;
const MISSING = '01900000-0000-7000-8000-000000000000';
let t: TestDatabase;
let countyA: string;
let countyB: string;
let supervisorB: Access;
let supervisorA: Access;
let findingA: string;
let rectificationA: string;
let accountA: string;

const who = (role: 'SUPERVISOR' | 'AUDITOR', agencyId: string, userId: string): Access => ({
  userId,
  name: userId,
  email: `${userId}@x`,
  locale: 'zh-CN',
  grants: [{ role, agencyId, agencyName: '' }],
});
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { code?: string; key?: string }) => ({ code: e.code, key: e.key }),
  );

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  const province = (await createTestAgency(t.db)).id;
  countyA = (await createTestAgency(t.db, { parentId: province, level: 'COUNTY' })).id;
  countyB = (await createTestAgency(t.db, { parentId: province, level: 'COUNTY' })).id;
  supervisorA = who('SUPERVISOR', countyA, 'sup-a');
  supervisorB = who('SUPERVISOR', countyB, 'sup-b');
  const account = await createTestAccount(t.db, countyA);
  accountA = account.id;
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
    input: { name: 'parity', monitoringAt: NOW, scopeAgencyId: countyA, scope: 'TREE', editionCode: 'national-2019' },
    db: t.db,
  });
  await runInspection({ db: t.db, inspectionId: id, now: NOW });
  const findings = await t.db.finding.findMany({
    where: { accountId: account.id, indicatorCode: 'D3' },
    select: { id: true },
  });
  findingA = findings[0]?.id ?? '';
  const confirmed = findings[1]?.id ?? findingA;
  await reviewFindings({
    access: supervisorA,
    input: { ids: [confirmed], decision: 'CONFIRMED', reason: '' },
    now: NOW,
    db: t.db,
  });
  rectificationA = (await t.db.rectification.findFirstOrThrow({ where: { findingId: confirmed } })).id;
});
afterAll(async () => t.drop());

describe('an id outside the scope answers like a missing id', () => {
  it("reviewing another county's finding", async () => {
    const review = (ids: string[]) =>
      refusal(
        reviewFindings({
          access: supervisorB,
          input: { ids, decision: 'DISMISSED', reason: '误报：属于正常引用' },
          now: NOW,
          db: t.db,
        }),
      );
    expect(await review([findingA])).toEqual(await review([MISSING]));
    expect(await review([findingA])).toMatchObject({ code: 'NOT_FOUND' });
  });
  it("completing another county's rectification", async () => {
    const complete = (id: string) =>
      refusal(completeRectification({ access: supervisorB, input: { id, note: '已整改完毕' }, now: NOW, db: t.db }));
    expect(await complete(rectificationA)).toEqual(await complete(MISSING));
    expect(await complete(rectificationA)).toMatchObject({ code: 'NOT_FOUND' });
  });
  it("reading another county's account", async () => {
    const read = (id: string) =>
      refusal(getAccountDetail({ access: supervisorB, accountId: id, page: 1, now: NOW, db: t.db }));
    expect(await read(accountA)).toEqual(await read(MISSING));
    expect(await read(accountA)).toMatchObject({ code: 'NOT_FOUND' });
  });
  it('a reader who may see it but not change it is told it is forbidden', async () => {
    const auditorOfA: Access = {
      ...who('AUDITOR', countyA, 'aud-a'),
      grants: [
        { role: 'AUDITOR', agencyId: countyA, agencyName: '' },
        { role: 'SUPERVISOR', agencyId: countyB, agencyName: '' },
      ],
    };
    expect(
      await refusal(
        reviewFindings({
          access: auditorOfA,
          input: { ids: [findingA], decision: 'DISMISSED', reason: '误报：属于正常引用' },
          now: NOW,
          db: t.db,
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});
