import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runEnqueueDueCrawls } from '@/crawlers/jobs/enqueue-due-crawls';
import { parsePlanEnv } from '@/crawlers/planning/plan-config';
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
// The planner sees every crawlable account: each test starts with the earlier tests' accounts closed.
beforeEach(async () => {
  await t.db.account.updateMany({ data: { lifecycle: 'CLOSED' } });
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type CrawlJobData = { accountId: string; slot: string; egress?: string };
const crawlJobs = async () =>
  (await boss.findJobs<CrawlJobData>(QUEUES.crawlAccount)).map((j) => ({ ...j.data, startAfter: j.startAfter }));
const jobsOf = async (slot: Date) => (await crawlJobs()).filter((j) => j.slot === slot.toISOString());

/** A finished crawl of the account (a read when SUCCEEDED, a failure when FAILED). */
async function crawled(accountId: string, at: Date, status: 'SUCCEEDED' | 'FAILED') {
  await t.db.crawlRun.create({
    data: {
      accountId,
      slotKey: `test:${randomUUID()}`,
      status,
      requestedAt: at,
      startedAt: at,
      finishedAt: at,
      fetchedAt: status === 'SUCCEEDED' ? at : null,
      coverageFrom: status === 'SUCCEEDED' ? new Date(at.getTime() - DAY) : null,
      coverageTo: status === 'SUCCEEDED' ? at : null,
      ...(status === 'FAILED' ? { errorKind: 'TIMEOUT' as const } : {}),
    },
  });
}
const lastPost = (accountId: string, at: Date) =>
  t.db.account.update({ where: { id: accountId }, data: { lastPostAt: at } });

describe('runEnqueueDueCrawls (the crawl planner in the worker)', () => {
  it('enqueues every never-read account once per slot; a repeated tick or a racing scheduler adds nothing', async () => {
    const agency = await createTestAgency(t.db);
    const accounts = await Promise.all([0, 1, 2].map(() => createTestAccount(t.db, agency.id)));
    const closed = await createTestAccount(t.db, agency.id);
    await t.db.account.update({ where: { id: closed.id }, data: { lifecycle: 'CLOSED' } });
    const planEnv = parsePlanEnv({});

    // Two schedulers planning the same slot at once: same plan, same job ids, each job inserted once.
    const [a, b] = await Promise.all([
      runEnqueueDueCrawls({ now: new Date('2026-03-01T02:00:05Z'), db: t.db, boss, planEnv }),
      runEnqueueDueCrawls({ now: new Date('2026-03-01T02:00:06Z'), db: t.db, boss, planEnv }),
    ]);
    expect(a).toMatchObject({ slot: '2026-03-01T02:00:00.000Z', deferred: 0 });
    expect(a.enqueued + b.enqueued).toBe(3);
    const again = await runEnqueueDueCrawls({ now: new Date('2026-03-01T02:29:59Z'), db: t.db, boss, planEnv });
    expect(again).toMatchObject({ due: 0, enqueued: 0 });

    const jobs = await crawlJobs();
    expect(jobs).toHaveLength(3);
    expect(new Set(jobs.map((j) => j.accountId))).toEqual(new Set(accounts.map((x) => x.id)));
    expect(new Set(jobs.map((j) => j.slot))).toEqual(new Set(['2026-03-01T02:00:00.000Z']));
    expect(new Set(jobs.map((j) => j.egress))).toEqual(new Set(['direct']));
    // Default politeness: one request per 3 s per host per egress, so the three jobs wait 0, 3 and 6 s.
    expect(jobs.map((j) => j.startAfter.getTime() - Date.parse('2026-03-01T02:00:00Z')).sort((x, y) => x - y)).toEqual([
      0, 3000, 6000,
    ]);
  });

  it('plans by urgency under politeness and egress budgets, never twice for an account in flight', async () => {
    // 2026-03-11 02:00 UTC = 10:00 Beijing; the verdict moment of that day was 2026-03-10 16:00 UTC.
    const slot = new Date('2026-03-11T02:00:00Z');
    const now = slot.getTime();
    const agency = await createTestAgency(t.db);
    const make = () => createTestAccount(t.db, agency.id);
    const [neverRead, suspected, urgent, flaky, flakyTwin, fresh] = await Promise.all([
      make(),
      make(),
      make(),
      make(),
      make(),
      make(),
    ]);
    // Suspected V2 veto: last post 20 days ago, read before the verdict midnight: must be read again now.
    await lastPost(suspected.id, new Date(now - 20 * DAY));
    await crawled(suspected.id, new Date(now - 14 * HOUR), 'SUCCEEDED');
    // Day 11 of 14 since the last post, read 3 days ago.
    await lastPost(urgent.id, new Date(now - 11 * DAY));
    await crawled(urgent.id, new Date(now - 3 * DAY), 'SUCCEEDED');
    // Day 10.5, read 3 days ago; the flaky one failed four times since (it starts earlier), its twin did not.
    for (const account of [flaky, flakyTwin]) {
      await lastPost(account.id, new Date(now - 10.5 * DAY));
      await crawled(account.id, new Date(now - 3 * DAY), 'SUCCEEDED');
    }
    for (const hoursAgo of [60, 48, 36, 24]) await crawled(flaky.id, new Date(now - hoursAgo * HOUR), 'FAILED');
    // Posted yesterday, read two hours ago: no verdict needs it.
    await lastPost(fresh.id, new Date(now - DAY));
    await crawled(fresh.id, new Date(now - 2 * HOUR), 'SUCCEEDED');

    // Two egress identities, one request per 15 min per host each (2 per 30-min slot), e1 allowed 1 request a day.
    const planEnv = parsePlanEnv({
      CRAWL_EGRESSES: 'e1:1,e2',
      CRAWL_MIN_INTERVAL_MS: String(15 * 60_000),
      CRAWL_REFRESH_HOURS: '0',
    });
    const first = await runEnqueueDueCrawls({ now: slot, db: t.db, boss, planEnv });
    expect(first).toMatchObject({ due: 5, enqueued: 3, deferred: 2, inFlight: 0, egressToday: { e1: 1, e2: 2 } });
    const planned = await jobsOf(slot);
    // Most urgent first: never read, the suspected veto, then the flaky account ahead of the day-11 one.
    expect(new Set(planned.map((j) => j.accountId))).toEqual(new Set([neverRead.id, suspected.id, flaky.id]));
    const e1 = planned.filter((j) => j.egress === 'e1');
    const e2 = planned.filter((j) => j.egress === 'e2');
    expect(e1).toHaveLength(1);
    expect(e2.map((j) => j.startAfter.getTime() - now).sort((x, y) => x - y)).toEqual([0, 15 * 60_000]);

    // The same slot again: nothing new (its politeness slots and e1's budget are taken).
    const repeat = await runEnqueueDueCrawls({ now: new Date(now + 10 * 60_000), db: t.db, boss, planEnv });
    expect(repeat).toMatchObject({ enqueued: 0, egressToday: { e1: 1, e2: 2 } });
    expect(await jobsOf(slot)).toHaveLength(3);

    // The next slot: the three jobs are still queued, so only the deferred two are planned, on e2 (e1 is spent).
    const next = new Date(now + 30 * 60_000);
    const second = await runEnqueueDueCrawls({ now: next, db: t.db, boss, planEnv });
    expect(second).toMatchObject({ due: 2, enqueued: 2, deferred: 0, inFlight: 3, egressToday: { e1: 1, e2: 4 } });
    const later = await jobsOf(next);
    expect(new Set(later.map((j) => j.accountId))).toEqual(new Set([urgent.id, flakyTwin.id]));
    expect(new Set(later.map((j) => j.egress))).toEqual(new Set(['e2']));
    const all = (await crawlJobs()).filter((j) => j.slot === slot.toISOString() || j.slot === next.toISOString());
    expect(all.map((j) => j.accountId)).not.toContain(fresh.id);
    expect(new Set(all.map((j) => j.accountId)).size).toBe(all.length);

    // After the Beijing midnight e1's budget is back.
    const nextDay = new Date('2026-03-11T16:00:00Z');
    const third = await runEnqueueDueCrawls({ now: nextDay, db: t.db, boss, planEnv });
    expect(third.egressToday).toEqual({ e1: 0, e2: 0 });
  });

  it('reads the crawl history: a failed crawl waits its backoff, a read account waits until a verdict needs it', async () => {
    const slot = new Date('2026-04-01T02:00:00Z');
    const now = slot.getTime();
    const agency = await createTestAgency(t.db);
    const failed = await createTestAccount(t.db, agency.id);
    const read = await createTestAccount(t.db, agency.id);
    await crawled(failed.id, new Date(now - 10 * 60_000), 'FAILED');
    await lastPost(read.id, new Date(now - 2 * DAY));
    await crawled(read.id, new Date(now - HOUR), 'SUCCEEDED');
    const planEnv = parsePlanEnv({ CRAWL_EGRESSES: 'h1', CRAWL_REFRESH_HOURS: '0' });

    expect(await runEnqueueDueCrawls({ now: slot, db: t.db, boss, planEnv })).toMatchObject({ due: 0, enqueued: 0 });
    // First retry 30 min after the failure: the next slot.
    const next = new Date(now + 30 * 60_000);
    expect(await runEnqueueDueCrawls({ now: next, db: t.db, boss, planEnv })).toMatchObject({ due: 1, enqueued: 1 });
    expect((await jobsOf(next)).map((j) => j.accountId)).toEqual([failed.id]);

    // With spare-capacity refresh reads (every 1 h), the read account is read too, after the needed reads.
    const refreshing = parsePlanEnv({ CRAWL_EGRESSES: 'h1', CRAWL_REFRESH_HOURS: '1' });
    const third = new Date(now + HOUR);
    expect(await runEnqueueDueCrawls({ now: third, db: t.db, boss, planEnv: refreshing })).toMatchObject({
      due: 0,
      refreshes: 1,
      enqueued: 1,
    });
    expect((await jobsOf(third)).map((j) => j.accountId)).toEqual([read.id]);
  });

  it('enqueues only the listed platforms when given (the demo crawls what its sandbox serves)', async () => {
    const agency = await createTestAgency(t.db);
    const weibo = await createTestAccount(t.db, agency.id, { platformCode: 'WEIBO' });
    const rss = await createTestAccount(t.db, agency.id, { platformCode: 'RSS' });
    const run = await runEnqueueDueCrawls({
      now: new Date('2026-05-01T00:00:00Z'),
      db: t.db,
      boss,
      platformCodes: ['WEIBO'],
      planEnv: parsePlanEnv({}),
    });
    expect(run).toMatchObject({ due: 1, enqueued: 1 });
    const queued = (await crawlJobs()).map((j) => j.accountId);
    expect(queued).toContain(weibo.id);
    expect(queued).not.toContain(rss.id);
  });
});
