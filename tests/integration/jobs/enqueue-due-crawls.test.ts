import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEnqueueDueCrawls } from '@/crawlers/jobs/enqueue-due-crawls';
import { QUEUES, startBoss, type PgBoss } from '@/crawlers/queue';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

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

const crawlJobs = async () => (await boss.findJobs<{ accountId: string; slot: string }>(QUEUES.crawlAccount)).map((j) => j.data);

describe('runEnqueueDueCrawls', () => {
  it('enqueues one job per due account per slot; a repeated tick or a second scheduler adds nothing', async () => {
    const agency = await createTestAgency(t.db);
    const accounts = await Promise.all([0, 1, 2].map(() => createTestAccount(t.db, agency.id)));
    const closed = await createTestAccount(t.db, agency.id);
    await t.db.account.update({ where: { id: closed.id }, data: { lifecycle: 'CLOSED' } });

    const first = await runEnqueueDueCrawls({ now: new Date('2026-03-01T02:00:05Z'), db: t.db, boss });
    expect(first).toEqual({ slot: '2026-03-01T02:00:00.000Z', due: 3, enqueued: 3 });
    const second = await runEnqueueDueCrawls({ now: new Date('2026-03-01T02:10:00Z'), db: t.db, boss });
    expect(second).toMatchObject({ due: 0, enqueued: 0 });

    // A second process that read the accounts before the first one moved nextCrawlAt: same ids, nothing inserted.
    await t.db.account.updateMany({ where: { agencyId: agency.id }, data: { nextCrawlAt: null } });
    const racing = await runEnqueueDueCrawls({ now: new Date('2026-03-01T02:29:59Z'), db: t.db, boss });
    expect(racing).toMatchObject({ due: 3, enqueued: 0 });

    const jobs = await crawlJobs();
    expect(jobs).toHaveLength(3);
    expect(new Set(jobs.map((j) => j.accountId))).toEqual(new Set(accounts.map((a) => a.id)));
    expect(new Set(jobs.map((j) => j.slot))).toEqual(new Set(['2026-03-01T02:00:00.000Z']));
  });

  it('enqueues again once the crawl interval has passed, under a new slot', async () => {
    const agency = await createTestAgency(t.db);
    const account = await createTestAccount(t.db, agency.id);
    await t.db.account.updateMany({ where: { id: { not: account.id } }, data: { nextCrawlAt: new Date('2099-01-01T00:00:00Z') } });
    const hour = 3_600_000;
    await runEnqueueDueCrawls({ now: new Date('2026-04-01T00:00:00Z'), db: t.db, boss, crawlIntervalMs: hour });
    const early = await runEnqueueDueCrawls({ now: new Date('2026-04-01T00:30:00Z'), db: t.db, boss, crawlIntervalMs: hour });
    const later = await runEnqueueDueCrawls({ now: new Date('2026-04-01T01:00:00Z'), db: t.db, boss, crawlIntervalMs: hour });
    expect([early.enqueued, later.enqueued]).toEqual([0, 1]);
    const slots = (await crawlJobs()).filter((j) => j.accountId === account.id).map((j) => j.slot).sort();
    expect(slots).toEqual(['2026-04-01T00:00:00.000Z', '2026-04-01T01:00:00.000Z']);
  });

  it('enqueues only the listed platforms when given (the demo crawls what its sandbox serves)', async () => {
    await t.db.account.updateMany({ data: { nextCrawlAt: new Date('2099-01-01T00:00:00Z') } });
    const agency = await createTestAgency(t.db);
    const weibo = await createTestAccount(t.db, agency.id, { platformCode: 'WEIBO' });
    const rss = await createTestAccount(t.db, agency.id, { platformCode: 'RSS' });
    const run = await runEnqueueDueCrawls({ now: new Date('2026-05-01T00:00:00Z'), db: t.db, boss, platformCodes: ['WEIBO'] });
    expect(run).toMatchObject({ due: 1, enqueued: 1 });
    const queued = (await crawlJobs()).map((j) => j.accountId);
    expect(queued).toContain(weibo.id);
    expect(queued).not.toContain(rss.id);
  });
});
