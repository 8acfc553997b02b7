import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { canReview, reviewFindings } from '@/lib/services/review-findings';
import { runInspection } from '@/lib/services/run-inspection';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

const NOW = new Date('2026-11-25T04:00:00Z');
const DAY = 86_400_000;
let t: TestDatabase;
let agencyId: string;
let access: Access;

async function suspectedFinding(): Promise<string> {
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
    input: {
      name: account.id,
      monitoringAt: NOW,
      scopeAgencyId: agencyId,
      scope: 'TREE',
      editionCode: 'national-2019',
    },
    db: t.db,
  });
  await runInspection({ db: t.db, inspectionId: id, now: NOW });
  await t.db.account.update({ where: { id: account.id }, data: { lifecycle: 'CLOSED' } });
  return (await t.db.finding.findFirstOrThrow({ where: { accountId: account.id, indicatorCode: 'D3' } })).id;
}

const review = (id: string, decision: 'CONFIRMED' | 'DISMISSED') =>
  reviewFindings({
    access,
    input: { ids: [id], decision, reason: decision === 'DISMISSED' ? '误报：属于正常引用' : '' },
    now: NOW,
    db: t.db,
  });

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  agencyId = (await createTestAgency(t.db)).id;
  access = {
    userId: 'u',
    name: 'n',
    email: 'e',
    locale: 'zh-CN',
    grants: [{ role: 'SUPERVISOR', agencyId, agencyName: 'a' }],
  };
});
afterAll(async () => t.drop());

describe('finding review state machine', () => {
  it('allows suspected → confirmed/dismissed and dismissed → confirmed only', () => {
    expect(
      canReview('SUSPECTED', 'CONFIRMED') && canReview('SUSPECTED', 'DISMISSED') && canReview('DISMISSED', 'CONFIRMED'),
    ).toBe(true);
    expect([
      canReview('CONFIRMED', 'CONFIRMED'),
      canReview('CONFIRMED', 'DISMISSED'),
      canReview('RECTIFIED', 'DISMISSED'),
      canReview('RECTIFIED', 'CONFIRMED'),
      canReview('DISMISSED', 'DISMISSED'),
    ]).toEqual([false, false, false, false, false]);
  });

  it('never dismisses a rectified finding (and so never confirms it again)', async () => {
    const id = await suspectedFinding();
    await review(id, 'CONFIRMED');
    await t.db.finding.update({ where: { id }, data: { status: 'RECTIFIED' } });
    await expect(review(id, 'DISMISSED')).rejects.toMatchObject({
      code: 'CONFLICT',
      key: 'findingTransition',
      params: { from: 'RECTIFIED', to: 'DISMISSED' },
    });
    await expect(review(id, 'CONFIRMED')).rejects.toMatchObject({ code: 'CONFLICT', key: 'findingTransition' });
    expect((await t.db.finding.findUniqueOrThrow({ where: { id } })).status).toBe('RECTIFIED');
    expect(await t.db.rectification.count({ where: { findingId: id } })).toBe(1);
  });

  it('does not confirm twice (one rectification), and a dismissal in error can still be confirmed', async () => {
    const confirmed = await suspectedFinding();
    await review(confirmed, 'CONFIRMED');
    await expect(review(confirmed, 'CONFIRMED')).rejects.toMatchObject({ key: 'findingTransition' });
    await expect(review(confirmed, 'DISMISSED')).rejects.toMatchObject({ key: 'findingTransition' });
    expect(await t.db.rectification.count({ where: { findingId: confirmed } })).toBe(1);
    const dismissed = await suspectedFinding();
    await review(dismissed, 'DISMISSED');
    await review(dismissed, 'CONFIRMED');
    expect((await t.db.finding.findUniqueOrThrow({ where: { id: dismissed } })).status).toBe('CONFIRMED');
  });
});
