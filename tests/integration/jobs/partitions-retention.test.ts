import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runApplyRetention } from '@/crawlers/jobs/apply-retention';
import { runMaintainPartitions } from '@/crawlers/jobs/maintain-partitions';
import { createComments } from '@/lib/data/comments';
import { ensureMonthPartition } from '@/lib/data/partitions';
import { uuid7 } from '@/lib/ids/uuid7';
import { shanghaiDayStart } from '@/lib/time';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

/** A UUIDv7 from the given Asia/Shanghai day, 10:00. */
const idOn = (day: string) => uuid7(shanghaiDayStart(day).getTime() + 10 * 3_600_000);

const partitionOf = async (table: string, where: string) =>
  (await t.db.$queryRawUnsafe<{ p: string }[]>(`SELECT tableoid::regclass::text AS p FROM ${table} WHERE ${where}`))[0]
    ?.p;
const tableExists = async (name: string) =>
  (await t.db.$queryRawUnsafe<{ r: string | null }[]>(`SELECT to_regclass('${name}')::text AS r`))[0]!.r !== null;

async function accountWithPost() {
  const agency = await createTestAgency(t.db);
  const account = await createTestAccount(t.db, agency.id);
  const post = await t.db.post.create({
    data: {
      accountId: account.id,
      platformPostId: `p-${account.id}`,
      text: 't',
      contentHash: 'h',
      publishedAt: new Date(),
      firstSeenAt: new Date(),
      lastSeenAt: new Date(),
    },
  });
  return { agency, account, post };
}

describe('maintain-partitions', () => {
  it('creates this month and three ahead for post, comment and coverage, once, and routes rows by month', async () => {
    const now = new Date('2031-05-15T04:00:00Z');
    const first = await runMaintainPartitions({ now, db: t.db });
    const created = (table: string) =>
      first.changes.filter((c) => c.table === table && c.outcome === 'created').map((c) => c.month);
    for (const table of ['post', 'comment', 'crawl_coverage'])
      expect(created(table)).toEqual(['2031-05', '2031-06', '2031-07', '2031-08']);
    expect((await runMaintainPartitions({ now, db: t.db })).changes).toEqual([]);

    const { account } = await accountWithPost();
    // 2031-06-01 00:30 in Shanghai is still May in UTC: the Shanghai month decides.
    const juneId = uuid7(new Date('2031-05-31T16:30:00Z').getTime());
    const mayId = uuid7(new Date('2031-05-31T15:30:00Z').getTime());
    for (const [id, platformPostId] of [
      [juneId, 'june'],
      [mayId, 'may'],
    ] as const)
      await t.db.post.create({
        data: {
          id,
          accountId: account.id,
          platformPostId,
          text: 't',
          contentHash: 'h',
          publishedAt: new Date(),
          firstSeenAt: new Date(),
          lastSeenAt: new Date(),
        },
      });
    expect(await partitionOf('post', `id = '${juneId}'`)).toBe('post_p203106');
    expect(await partitionOf('post', `id = '${mayId}'`)).toBe('post_p203105');
  });

  it('catches a row outside every partition in DEFAULT; coverage moves out of it, post stays and is reported', async () => {
    const { account, post } = await accountWithPost();
    await t.db.crawlCoverage.create({
      data: { accountId: account.id, day: new Date('2019-07-03'), status: 'COVERED' },
    });
    expect(await partitionOf('crawl_coverage', `day = '2019-07-03'`)).toBe('crawl_coverage_default');
    const farId = idOn('2032-01-10');
    await t.db.post.create({
      data: {
        id: farId,
        accountId: account.id,
        platformPostId: 'far',
        text: 't',
        contentHash: 'h',
        publishedAt: new Date(),
        firstSeenAt: new Date(),
        lastSeenAt: new Date(),
      },
    });
    expect(await partitionOf('post', `id = '${farId}'`)).toBe('post_default');

    const { changes } = await runMaintainPartitions({ now: new Date('2031-12-15T04:00:00Z'), db: t.db });
    expect(changes).toContainEqual({ table: 'crawl_coverage', month: '2019-07', outcome: 'moved' });
    expect(changes).toContainEqual({ table: 'post', month: '2032-01', outcome: 'in-default' });
    expect(changes).toContainEqual({ table: 'comment', month: '2032-01', outcome: 'created' });
    expect(await partitionOf('crawl_coverage', `day = '2019-07-03'`)).toBe('crawl_coverage_p201907');
    expect(await partitionOf('post', `id = '${farId}'`)).toBe('post_default');
    expect(await tableExists('post_p203201')).toBe(false);
    // Foreign keys to a partitioned post still hold: a comment on the post, its cascade on delete.
    await t.db.comment.create({
      data: {
        postId: post.id,
        accountId: account.id,
        platformCommentId: 'c',
        text: 'c',
        publishedAt: new Date(),
        firstSeenAt: new Date(),
      },
    });
    // Seen again in a later month: the row stored in another partition counts, no second row.
    const row = {
      postId: post.id,
      accountId: account.id,
      authorPlatformId: null,
      authorName: null,
      isOwnReply: false,
      text: 'c',
      publishedAt: new Date(),
      likesCount: null,
      firstSeenAt: new Date(),
    };
    await t.db.comment.create({ data: { ...row, id: idOn('2031-06-02'), platformCommentId: 'june' } });
    expect(
      await createComments(t.db, [
        { ...row, platformCommentId: 'june' },
        { ...row, platformCommentId: 'new' },
      ]),
    ).toBe(1);
    expect(await t.db.comment.count({ where: { postId: post.id, platformCommentId: 'june' } })).toBe(1);
    await t.db.post.delete({ where: { id: post.id } });
    expect(await t.db.comment.count({ where: { postId: post.id } })).toBe(0);
  });
});

describe('apply-retention', () => {
  it('drops whole old comment partitions, keeps findings’ evidence and what an open inspection may read', async () => {
    const now = new Date('2022-06-15T04:00:00Z'); // 24 months back: cutoff 2020-06-01 in Shanghai; before every partition the migration made
    for (const month of ['2020-01', '2020-02', '2020-03', '2022-05'])
      expect(await ensureMonthPartition(t.db, 'comment', month)).not.toBe('in-default');
    const { agency, account, post } = await accountWithPost();
    const comment = (id: string, key: string, firstSeenAt: Date, replyToCommentId?: string) =>
      t.db.comment.create({
        data: {
          id,
          postId: post.id,
          accountId: account.id,
          platformCommentId: key,
          text: key,
          publishedAt: firstSeenAt,
          firstSeenAt,
          replyToCommentId,
        },
      });
    const old = (day: string) => shanghaiDayStart(day);
    const jan = await comment(idOn('2020-01-05'), 'jan', old('2020-01-05'));
    const feb = await comment(idOn('2020-02-05'), 'feb', old('2020-02-05'));
    const marHeld = await comment(idOn('2020-03-05'), 'mar-held', old('2020-03-05'));
    const marFree = await comment(idOn('2020-03-06'), 'mar-free', old('2020-03-06'));
    const reply = await comment(idOn('2022-05-05'), 'reply', old('2022-05-05'), feb.id);
    // DEFAULT partition: ids outside every partition (not UUIDv7 of a stored month), judged by first_seen_at.
    const defOld = await comment('00000000-0000-4000-8000-000000000001', 'def-old', old('2020-01-20'));
    const defNew = await comment('00000000-0000-4000-8000-000000000002', 'def-new', old('2022-05-20'));

    const edition = await t.db.indicatorEdition.findFirstOrThrow({ select: { id: true } });
    const inspection = await t.db.inspection.create({
      data: {
        name: 'open',
        monitoringAt: new Date('2020-09-01T00:00:00Z'),
        scopeAgencyId: agency.id,
        editionId: edition.id,
      },
    });
    const snapshot = (takenAt: Date, accountId = account.id) =>
      t.db.snapshot.create({ data: { accountId, takenAt, displayName: 'n' } });
    const snapOld = await snapshot(old('2020-01-01'));
    const snapHeld = await snapshot(old('2020-02-01'));
    const snapLatest = await snapshot(old('2022-06-01'));
    const other = await createTestAccount(t.db, agency.id);
    const snapOnlyOne = await snapshot(old('2019-01-01'), other.id);
    const finding = (data: { commentId?: string; snapshotId?: string }, fingerprint: string) =>
      t.db.finding.create({
        data: {
          inspectionId: inspection.id,
          accountId: account.id,
          editionId: edition.id,
          indicatorCode: 'D3',
          ruleId: 'D3.TEST',
          status: 'CONFIRMED',
          points: 1,
          fingerprint,
          sourceType: data.commentId ? 'COMMENT' : 'SNAPSHOT',
          ...data,
        },
      });
    await finding({ commentId: marHeld.id }, 'f1');
    await finding({ snapshotId: snapHeld.id }, 'f2');

    // While the inspection monitoring 2020-09-01 is open, nothing it may read (400 days back) goes.
    const blocked = await runApplyRetention({ now, db: t.db, env: {} });
    expect(blocked).toMatchObject({ droppedPartitions: [], commentsDeleted: 0, snapshotsDeleted: 0 });
    expect(new Date(blocked.commentCutoff) < new Date('2019-08-01T00:00:00Z')).toBe(true);

    await t.db.inspection.update({ where: { id: inspection.id }, data: { status: 'DONE' } });
    const done = await runApplyRetention({ now, db: t.db, env: {} });
    expect(done.commentCutoff).toBe(shanghaiDayStart('2020-06-01').toISOString());
    expect(done.droppedPartitions).toEqual(['comment_p202001']);
    expect(await tableExists('comment_p202001')).toBe(false);
    // feb: a reply of a kept month points at it, so its partition stays and the row goes by DELETE.
    expect(done.commentsDeleted).toBe(3); // feb, mar-free, def-old
    const left = await t.db.comment.findMany({ select: { id: true, replyToCommentId: true } });
    const leftIds = left.map((c) => c.id);
    expect(leftIds).toEqual(expect.arrayContaining([marHeld.id, reply.id, defNew.id]));
    for (const gone of [jan.id, feb.id, marFree.id, defOld.id]) expect(leftIds).not.toContain(gone);
    expect(left.find((c) => c.id === reply.id)?.replyToCommentId).toBeNull();

    expect(done.snapshotsDeleted).toBe(1);
    const snaps = (await t.db.snapshot.findMany({ select: { id: true } })).map((s) => s.id);
    expect(snaps).toEqual(expect.arrayContaining([snapHeld.id, snapLatest.id, snapOnlyOne.id]));
    expect(snaps).not.toContain(snapOld.id);

    // Settings: positive whole months; anything else is the default.
    const shorter = await runApplyRetention({
      now,
      db: t.db,
      env: { COMMENT_RETENTION_MONTHS: '1', SNAPSHOT_RETENTION_MONTHS: 'x' },
    });
    expect(shorter.commentCutoff).toBe(shanghaiDayStart('2022-05-01').toISOString());
    expect(shorter.snapshotCutoff).toBe(shanghaiDayStart('2020-06-01').toISOString());
  });
});
