import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEnqueueLinkChecks } from '@/crawlers/jobs/check-links';
import { QUEUES, startBoss, type PgBoss } from '@/crawlers/queue';
import { scheduleTable } from '@/crawlers/schedule';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

const NOW = new Date('2026-03-01T02:23:05Z');
const DAY = 86_400_000;
let t: TestDatabase;
let boss: PgBoss;
beforeAll(async () => {
  t = await createTestDatabase();
  boss = await startBoss(t.url, { isSupervisor: false });
});
afterAll(async () => {
  await boss.stop({ graceful: false, close: true });
  await t.drop();
});

const post = (accountId: string, id: string, daysAgo: number, links: string[], deleted = false) =>
  t.db.post.create({
    data: {
      accountId,
      platformPostId: id,
      text: '通知',
      contentHash: id,
      publishedAt: new Date(NOW.getTime() - daysAgo * DAY),
      firstSeenAt: NOW,
      lastSeenAt: NOW,
      links,
      deletedDetectedAt: deleted ? NOW : null,
    },
  });

describe('runEnqueueLinkChecks', () => {
  it('enqueues one job per account with links in the content window (or a WeChat credential), once per hour', async () => {
    const agency = await createTestAgency(t.db);
    const [linked, old, deleted, none, closed] = await Promise.all(
      [0, 1, 2, 3, 4].map(() => createTestAccount(t.db, agency.id)),
    );
    if (!linked || !old || !deleted || !none || !closed) throw new Error('accounts');
    await post(linked.id, 'a', 2, ['https://www.jiangchuan.gov.cn/a']);
    await post(old.id, 'b', 91, ['https://www.jiangchuan.gov.cn/b']); // older than national-2019's 90-day content window
    await post(deleted.id, 'c', 2, ['https://www.jiangchuan.gov.cn/c'], true);
    await post(none.id, 'd', 2, []);
    await post(closed.id, 'e', 2, ['https://www.jiangchuan.gov.cn/e']);
    await t.db.account.update({ where: { id: closed.id }, data: { lifecycle: 'CLOSED' } });

    expect(await runEnqueueLinkChecks({ now: NOW, db: t.db, boss })).toEqual({
      slot: '2026-03-01T02:00:00.000Z',
      accounts: 1,
      enqueued: 1,
    });
    expect(await runEnqueueLinkChecks({ now: new Date(NOW.getTime() + 20 * 60_000), db: t.db, boss })).toMatchObject({
      accounts: 1,
      enqueued: 0,
    });
    expect(await runEnqueueLinkChecks({ now: new Date(NOW.getTime() + 60 * 60_000), db: t.db, boss })).toMatchObject({
      slot: '2026-03-01T03:00:00.000Z',
      enqueued: 1,
    });
    const jobs = (await boss.findJobs<{ accountId: string; slot: string }>(QUEUES.checkLinks)).map((j) => j.data);
    expect(jobs.map((j) => j.accountId)).toEqual([linked.id, linked.id]);
  });

  it("is on the worker's cron table unless link checks or crawling are off", () => {
    const names = (env: Record<string, string>) => scheduleTable({ NODE_ENV: 'test', ...env }).map((e) => e.name);
    expect(names({})).toContain('enqueue-link-checks');
    expect(names({ WORKER_LINK_CHECKS: 'off' })).not.toContain('enqueue-link-checks');
    expect(names({ WORKER_CRAWL: 'off' })).not.toContain('enqueue-link-checks');
  });
});
