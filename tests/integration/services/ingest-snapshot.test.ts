import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash, coveredDays, ingestSnapshot } from '@/lib/services/ingest-snapshot';
import type { PostInput, SnapshotInput } from '@/lib/schemas/snapshot';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const at = (iso: string) => new Date(iso);

function post(id: string, text: string, publishedAt: string, extra: Partial<PostInput> = {}): PostInput {
  return {
    platformPostId: id,
    text,
    publishedAt: at(publishedAt),
    isPinned: false,
    isRepost: false,
    links: [],
    comments: [],
    ...extra,
  };
}

function snapshot(
  accountId: string,
  fetchedAt: string,
  posts: PostInput[],
  coverage: { from: string; to: string } | null,
): SnapshotInput {
  return {
    accountId,
    platform: 'WEIBO',
    fetchedAt: at(fetchedAt),
    outcome: { ok: true, partial: false },
    profile: { displayName: '江川发布', followersCount: 1000, isVerified: true },
    posts,
    coverage: coverage && { from: at(coverage.from), to: at(coverage.to) },
    deletedPostIds: [],
    appReleases: [],
    storeListings: [],
  };
}

describe('ingestSnapshot', () => {
  it('stores posts, comments with reply links, a profile snapshot and covered days; a repeat is a no-op', async () => {
    const agency = await createTestAgency(t.db);
    const account = await createTestAccount(t.db, agency.id);
    const question = {
      platformCommentId: 'c1',
      isOwnReply: false,
      text: '请问什么时候开放？',
      publishedAt: at('2026-11-20T02:00:00Z'),
    };
    const reply = {
      platformCommentId: 'c2',
      isOwnReply: true,
      replyToPlatformCommentId: 'c1',
      text: '周一开放',
      publishedAt: at('2026-11-20T03:00:00Z'),
    };
    const input = snapshot(
      account.id,
      '2026-11-21T02:00:00Z',
      [
        post('p1', '通知一', '2026-11-20T01:00:00Z', { comments: [reply, question] }),
        post('p2', '通知二', '2026-11-21T01:00:00Z'),
      ],
      { from: '2026-11-18T16:00:00Z', to: '2026-11-21T02:00:00Z' },
    );
    const first = await ingestSnapshot(t.db, input, { now: at('2026-11-21T02:00:05Z'), slotKey: `${account.id}:a` });
    expect(first).toMatchObject({
      status: 'SUCCEEDED',
      postsCreated: 2,
      commentsCreated: 2,
      coveredDays: ['2026-11-19', '2026-11-20', '2026-11-21'],
    });

    const again = await ingestSnapshot(t.db, input, { now: at('2026-11-21T02:00:06Z'), slotKey: `${account.id}:a` });
    expect(again).toMatchObject({ postsCreated: 0, postsEdited: 0, commentsCreated: 0 });
    expect(await t.db.crawlRun.count({ where: { accountId: account.id } })).toBe(1);

    const ownReply = await t.db.comment.findFirstOrThrow({
      where: { accountId: account.id, platformCommentId: 'c2' },
      include: { replyTo: true },
    });
    expect(ownReply.replyTo?.platformCommentId).toBe('c1');
    // The repeated slot (a retried job whose first attempt had committed) replaced its run's snapshot.
    expect(await t.db.snapshot.count({ where: { accountId: account.id } })).toBe(1);
  });

  it('ingests of one slot finishing together leave one run with one snapshot; another slot adds its own', async () => {
    const agency = await createTestAgency(t.db);
    const account = await createTestAccount(t.db, agency.id);
    const input = (fetchedAt: string, followers: number) => ({
      ...snapshot(account.id, fetchedAt, [post('q1', '通知', '2026-11-20T01:00:00Z')], {
        from: '2026-11-19T16:00:00Z',
        to: fetchedAt,
      }),
      profile: { displayName: '江川发布', followersCount: followers, isVerified: true },
    });
    const slotKey = `${account.id}:concurrent`;
    // An expired attempt and its retry: started apart, both in flight at once.
    await Promise.all([
      ingestSnapshot(t.db, input('2026-11-21T02:00:00Z', 1000), { now: at('2026-11-21T02:00:05Z'), slotKey }),
      ingestSnapshot(t.db, input('2026-11-21T02:00:03Z', 1001), { now: at('2026-11-21T02:00:06Z'), slotKey }),
    ]);
    const runs = await t.db.crawlRun.findMany({ where: { accountId: account.id }, select: { id: true } });
    expect(runs).toHaveLength(1);
    const snapshots = await t.db.snapshot.findMany({ where: { accountId: account.id } });
    expect(snapshots.map((s) => s.crawlRunId)).toEqual([runs[0]!.id]);
    expect([1000, 1001]).toContain(snapshots[0]!.followersCount);

    await ingestSnapshot(t.db, input('2026-11-21T02:30:00Z', 1002), {
      now: at('2026-11-21T02:30:05Z'),
      slotKey: `${account.id}:next`,
    });
    expect(await t.db.crawlRun.count({ where: { accountId: account.id } })).toBe(2);
    expect(await t.db.snapshot.count({ where: { accountId: account.id } })).toBe(2);
  });

  it('keeps the old text of an edited post and flags posts missing from a fully covered window as deleted', async () => {
    const agency = await createTestAgency(t.db);
    const account = await createTestAccount(t.db, agency.id);
    const window = { from: '2026-11-01T16:00:00Z', to: '2026-11-10T00:00:00Z' };
    await ingestSnapshot(
      t.db,
      snapshot(
        account.id,
        '2026-11-10T00:00:00Z',
        [post('a', '原文', '2026-11-05T00:00:00Z'), post('b', '将被删除', '2026-11-06T00:00:00Z')],
        window,
      ),
      {
        now: at('2026-11-10T00:00:00Z'),
      },
    );
    const second = await ingestSnapshot(
      t.db,
      snapshot(account.id, '2026-11-10T06:00:00Z', [post('a', '修改后', '2026-11-05T00:00:00Z')], window),
      {
        now: at('2026-11-10T06:00:00Z'),
      },
    );
    expect(second).toMatchObject({ postsEdited: 1, postsDeleted: 1 });
    const edited = await t.db.post.findFirstOrThrow({
      where: { accountId: account.id, platformPostId: 'a' },
      include: { revisions: true },
    });
    expect(edited.text).toBe('修改后');
    expect(edited.revisions.map((r) => r.text)).toEqual(['原文']);
    expect(edited.revisions[0]?.contentHash).toBe(contentHash('\n原文'));
    const deleted = await t.db.post.findFirstOrThrow({ where: { accountId: account.id, platformPostId: 'b' } });
    expect(deleted.deletedDetectedAt?.toISOString()).toBe('2026-11-10T06:00:00.000Z');
  });

  it('records a failed crawl as a FAILED day without data and never downgrades a covered day', async () => {
    const agency = await createTestAgency(t.db);
    const account = await createTestAccount(t.db, agency.id);
    const failed: SnapshotInput = {
      ...snapshot(account.id, '2026-11-12T02:00:00Z', [], null),
      profile: null,
      outcome: { ok: false, kind: 'RATE_LIMITED', message: 'HTTP 418', httpStatus: 418, retryable: true },
    };
    const result = await ingestSnapshot(t.db, failed, { now: at('2026-11-12T02:00:01Z') });
    expect(result).toMatchObject({ status: 'FAILED', failedDay: '2026-11-12', coveredDays: [] });
    const run = await t.db.crawlRun.findUniqueOrThrow({ where: { id: result.crawlRunId } });
    expect(run).toMatchObject({ errorKind: 'RATE_LIMITED', httpStatus: 418, coverageFrom: null });

    await ingestSnapshot(
      t.db,
      snapshot(account.id, '2026-11-12T08:00:00Z', [], { from: '2026-11-11T16:00:00Z', to: '2026-11-12T08:00:00Z' }),
      {
        now: at('2026-11-12T08:00:00Z'),
      },
    );
    await ingestSnapshot(
      t.db,
      { ...failed, fetchedAt: at('2026-11-12T09:00:00Z') },
      { now: at('2026-11-12T09:00:00Z') },
    );
    const day = await t.db.crawlCoverage.findFirstOrThrow({ where: { accountId: account.id } });
    expect(day.status).toBe('COVERED');
  });

  it('rejects a snapshot that fails validation and stores nothing', async () => {
    const agency = await createTestAgency(t.db);
    const account = await createTestAccount(t.db, agency.id);
    const bad = {
      ...snapshot(account.id, '2026-11-12T02:00:00Z', [], null),
      platform: 'MYSPACE',
    } as unknown as SnapshotInput;
    await expect(ingestSnapshot(t.db, bad, { now: at('2026-11-12T02:00:00Z') })).rejects.toThrow(/platform/);
    expect(await t.db.crawlRun.count({ where: { accountId: account.id } })).toBe(0);
  });
});

describe('coveredDays', () => {
  it('counts the first day only when the window reaches its Shanghai midnight', () => {
    expect(coveredDays(at('2026-11-18T16:00:00Z'), at('2026-11-19T01:00:00Z'))).toEqual(['2026-11-19']);
    expect(coveredDays(at('2026-11-18T17:00:00Z'), at('2026-11-20T01:00:00Z'))).toEqual(['2026-11-20']);
  });
});
