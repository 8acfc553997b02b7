import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAlerts } from '@/crawlers/jobs/alerts';
import { markDayFailed, markDaysCovered } from '@/lib/data/coverage';
import { shanghaiDaysBetween } from '@/lib/time';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const NOW = new Date('2026-09-20T04:00:00Z'); // 2026-09-20 12:00 in Shanghai

async function accountWithLastPost(lastPostIso: string, coverFrom: string, coverTo: string) {
  const agency = await createTestAgency(t.db);
  const account = await createTestAccount(t.db, agency.id);
  const run = await t.db.crawlRun.create({
    data: { accountId: account.id, slotKey: `seed:${account.id}`, status: 'SUCCEEDED' },
  });
  await t.db.post.create({
    data: {
      accountId: account.id,
      platformPostId: 'p',
      text: 't',
      contentHash: 'h',
      publishedAt: new Date(lastPostIso),
      firstSeenAt: NOW,
      lastSeenAt: NOW,
    },
  });
  await markDaysCovered(t.db, account.id, shanghaiDaysBetween(new Date(coverFrom), new Date(coverTo)), run.id);
  return { account, run };
}

describe('runAlerts', () => {
  it('raises NEARING_STALE, STALE and CRAWL_FAILING once per account and day, and never calls a crawl gap silence', async () => {
    const nearing = await accountWithLastPost('2026-09-09T02:00:00Z', '2026-09-09T00:00:00Z', '2026-09-19T12:00:00Z'); // 11 days
    const stale = await accountWithLastPost('2026-09-01T02:00:00Z', '2026-09-01T00:00:00Z', '2026-09-19T12:00:00Z'); // 19 days
    const gap = await accountWithLastPost('2026-09-01T02:00:00Z', '2026-09-01T00:00:00Z', '2026-09-10T12:00:00Z'); // not crawled since
    const fresh = await accountWithLastPost('2026-09-15T02:00:00Z', '2026-09-15T00:00:00Z', '2026-09-19T12:00:00Z');
    for (const day of ['2026-09-18', '2026-09-19', '2026-09-20'])
      await markDayFailed(t.db, gap.account.id, day, 'RATE_LIMITED', gap.run.id);

    const summary = await runAlerts({ now: NOW, db: t.db });
    expect(summary).toEqual({
      day: '2026-09-20',
      nearingStale: 1,
      stale: 1,
      crawlFailing: 1,
      vetoSuspected: 0,
      rectificationOverdue: 0,
      parserDrift: 0,
      created: 3,
    });
    const alerts = await t.db.alert.findMany({ orderBy: { kind: 'asc' } });
    expect(alerts.map((a) => [a.accountId, a.kind, a.dedupeKey])).toEqual([
      [nearing.account.id, 'NEARING_STALE', `${nearing.account.id}:NEARING_STALE:2026-09-20`],
      [stale.account.id, 'STALE', `${stale.account.id}:STALE:2026-09-20`],
      [gap.account.id, 'CRAWL_FAILING', `${gap.account.id}:CRAWL_FAILING:2026-09-20`],
    ]);
    expect(alerts.some((a) => a.accountId === fresh.account.id)).toBe(false);

    const again = await runAlerts({ now: new Date('2026-09-20T05:00:00Z'), db: t.db });
    expect(again.created).toBe(0);
    expect(await t.db.alert.count()).toBe(3);
  });
});
