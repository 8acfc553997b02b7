import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { createInspection } from '@/lib/services/create-inspection';
import { createRepostTask } from '@/lib/services/create-repost-task';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { listRepostTasks } from '@/lib/services/list-repost-tasks';
import { runInspection } from '@/lib/services/run-inspection';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

const NOW = new Date('2026-11-25T04:00:00Z');
const DAY = 86_400_000;
const ago = (d: number) => new Date(NOW.getTime() - d * DAY);
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
});
afterAll(async () => t.drop());

async function withPost(accountId: string, id: string, text: string, at: Date, links: string[] = []) {
  await ingestSnapshot(
    t.db,
    {
      accountId,
      platform: 'WEIBO',
      fetchedAt: NOW,
      outcome: { ok: true, partial: false },
      profile: null,
      posts: [{ platformPostId: id, text, publishedAt: at, isPinned: false, isRepost: false, links, comments: [] }],
      coverage: { from: ago(30), to: NOW },
      deletedPostIds: [],
      appReleases: [],
      storeListings: [],
    },
    { now: NOW },
  );
}

describe('D10 reposting tasks', () => {
  it('a supervisor issues a task to a subtree; the status page and the next inspection judge reposts the same way', async () => {
    const county = await createTestAgency(t.db);
    const [reposted, linked, missed] = await Promise.all([0, 1, 2].map(() => createTestAccount(t.db, county.id)));
    const supervisor: Access = {
      userId: 'sup',
      name: 's',
      email: 's@x',
      locale: 'zh-CN',
      grants: [{ role: 'SUPERVISOR', agencyId: county.id, agencyName: '' }],
    };
    const input = {
      title: '转载：防汛预警',
      itemUrl: 'https://www.gov.cn.example/flood',
      matchTerms: ['防汛四级应急响应'],
      publishedAt: ago(10).toISOString(),
      deadline: ago(8).toISOString(),
      agencyId: county.id,
      platformCodes: ['WEIBO'],
    };

    const outsider: Access = {
      ...supervisor,
      grants: [{ role: 'SUPERVISOR', agencyId: (await createTestAgency(t.db)).id, agencyName: '' }],
    };
    await expect(createRepostTask({ access: outsider, input, db: t.db })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      createRepostTask({ access: supervisor, input: { ...input, deadline: ago(11).toISOString() }, db: t.db }),
    ).rejects.toMatchObject({ name: 'ZodError' });
    const task = await createRepostTask({ access: supervisor, input, db: t.db });
    expect(task.targets).toBe(3);

    await withPost(reposted.id, 'r1', '【转发】我市启动防汛四级应急响应，请注意安全', ago(9));
    await withPost(linked.id, 'l1', '请关注最新通知', ago(9), ['https://www.gov.cn.example/flood']);
    await withPost(missed.id, 'm1', '防汛四级应急响应解除（期限后才发）', ago(2));

    const targets = await t.db.repostTaskTarget.findMany({
      where: { taskId: task.id },
      select: { accountId: true, post: { select: { platformPostId: true } } },
    });
    expect(new Map(targets.map((x) => [x.accountId, x.post?.platformPostId ?? null]))).toEqual(
      new Map([
        [reposted.id, 'r1'],
        [linked.id, 'l1'],
        [missed.id, null],
      ]),
    );

    const [status] = await listRepostTasks({ access: supervisor, now: NOW, db: t.db });
    expect(status?.counts).toEqual({ REPOSTED: 2, MISSED: 1, PENDING: 0 });
    expect(status?.targets.find((x) => x.accountId === missed.id)?.status).toBe('MISSED');
    expect(status?.targets.find((x) => x.accountId === reposted.id)?.post).toMatchObject({ publishedAt: ago(9) });

    // A match lost (e.g. a task stored before matching existed) is found again when an inspection scores the accounts.
    await t.db.repostTaskTarget.update({
      where: { taskId_accountId: { taskId: task.id, accountId: reposted.id } },
      data: { postId: null },
    });
    const { id } = await createInspection({
      access: null,
      input: { name: 'D10', monitoringAt: NOW, scopeAgencyId: county.id, scope: 'TREE', editionCode: 'national-2019' },
      db: t.db,
    });
    await runInspection({ db: t.db, inspectionId: id, now: NOW });
    expect(
      await t.db.repostTaskTarget.findUniqueOrThrow({
        where: { taskId_accountId: { taskId: task.id, accountId: reposted.id } },
        select: { post: { select: { platformPostId: true } } },
      }),
    ).toEqual({ post: { platformPostId: 'r1' } });
    const d10 = await t.db.finding.findMany({ where: { inspectionId: id, indicatorCode: 'D10' } });
    expect(d10.map((f) => [f.accountId, f.points])).toEqual([[missed.id, 2]]);
    expect(await t.db.auditLog.count({ where: { action: 'repost-task.create' } })).toBe(1);
  });

  it('reposts stored before the task is issued are matched when it is issued; later tasks do not steal them', async () => {
    const county = await createTestAgency(t.db);
    const [early, late, pending] = await Promise.all([0, 1, 2].map(() => createTestAccount(t.db, county.id)));
    const supervisor: Access = {
      userId: 'sup2',
      name: 's',
      email: 's@x',
      locale: 'zh-CN',
      grants: [{ role: 'SUPERVISOR', agencyId: county.id, agencyName: '' }],
    };
    await withPost(early.id, 'e1', '转发：全省森林防火紧急通知', ago(6));
    await withPost(late.id, 'x1', '全省森林防火紧急通知（截止后）', ago(1));

    const base = {
      title: '转载：森林防火',
      matchTerms: ['森林防火紧急通知'],
      agencyId: county.id,
      platformCodes: ['WEIBO'],
    };
    const due = await createRepostTask({
      access: supervisor,
      input: { ...base, publishedAt: ago(7).toISOString(), deadline: ago(3).toISOString() },
      db: t.db,
    });
    expect(due).toMatchObject({ targets: 3, reposted: 1 });
    const open = await createRepostTask({
      access: supervisor,
      input: {
        ...base,
        title: '转载：森林防火（二）',
        publishedAt: ago(2).toISOString(),
        deadline: new Date(NOW.getTime() + 2 * DAY).toISOString(),
      },
      db: t.db,
    });
    expect(open).toMatchObject({ targets: 3, reposted: 1 });

    const statuses = await listRepostTasks({ access: supervisor, now: NOW, db: t.db });
    const byTitle = new Map(statuses.map((s) => [s.title, new Map(s.targets.map((x) => [x.accountId, x.status]))]));
    expect(byTitle.get('转载：森林防火')).toEqual(
      new Map([
        [early.id, 'REPOSTED'],
        [late.id, 'MISSED'],
        [pending.id, 'MISSED'],
      ]),
    );
    expect(byTitle.get('转载：森林防火（二）')).toEqual(
      new Map([
        [early.id, 'PENDING'],
        [late.id, 'REPOSTED'],
        [pending.id, 'PENDING'],
      ]),
    );

    // The still-open task is fulfilled by the next crawl that brings a matching item.
    await withPost(pending.id, 'p1', '请转发：全省森林防火紧急通知', new Date(NOW.getTime() - 3_600_000));
    const row = await t.db.repostTaskTarget.findUniqueOrThrow({
      where: { taskId_accountId: { taskId: open.id, accountId: pending.id } },
      select: { post: { select: { platformPostId: true } } },
    });
    expect(row.post?.platformPostId).toBe('p1');
    // A task that already passed its deadline is not fulfilled by it.
    expect(
      await t.db.repostTaskTarget.findUniqueOrThrow({
        where: { taskId_accountId: { taskId: due.id, accountId: pending.id } },
      }),
    ).toMatchObject({ postId: null });
  });

  it('a county supervisor sees a province task with its own targets only; other counties see none of them', async () => {
    const province = await createTestAgency(t.db);
    const [east, west] = await Promise.all(
      [0, 1].map(() => createTestAgency(t.db, { parentId: province.id, level: 'COUNTY', isSupervisingUnit: true })),
    );
    const [eastAccount, westAccount] = await Promise.all([east, west].map((c) => createTestAccount(t.db, c!.id)));
    const grant = (agencyId: string): Access => ({
      userId: `u-${agencyId}`,
      name: 's',
      email: 's@x',
      locale: 'zh-CN',
      grants: [{ role: 'SUPERVISOR', agencyId, agencyName: '' }],
    });
    const input = {
      title: '转载：全省通知',
      matchTerms: ['全省通知'],
      publishedAt: ago(3).toISOString(),
      deadline: ago(1).toISOString(),
      agencyId: province.id,
      platformCodes: ['WEIBO'],
    };
    await createRepostTask({ access: grant(province.id), input, db: t.db });
    await expect(createRepostTask({ access: grant(east!.id), input, db: t.db })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    const seenBy = async (agencyId: string) =>
      (await listRepostTasks({ access: grant(agencyId), now: NOW, db: t.db })).map((task) => [
        task.title,
        task.targets.map((x) => x.accountId),
      ]);
    expect(await seenBy(province.id)).toEqual([
      ['转载：全省通知', expect.arrayContaining([eastAccount!.id, westAccount!.id])],
    ]);
    expect(await seenBy(east!.id)).toEqual([['转载：全省通知', [eastAccount!.id]]]);
    const outsider = await createTestAgency(t.db);
    expect(await seenBy(outsider.id)).toEqual([]);
  });
});
