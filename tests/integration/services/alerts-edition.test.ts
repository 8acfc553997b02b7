import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markDaysCovered } from '@/lib/data/coverage';
import { cloneEdition, NATIONAL_2019 } from '@/lib/scoring';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { raiseAlerts } from '@/lib/services/raise-alerts';
import { shanghaiDaysBetween } from '@/lib/time';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';
import { publishedAfterAll } from '../../helpers/edition-in-force';

const NOW = new Date('2026-09-20T04:00:00Z'); // 2026-09-20 12:00 in Shanghai
let t: TestDatabase;
let agencyId: string;

async function quietSince(lastPostIso: string) {
  const account = await createTestAccount(t.db, agencyId);
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
  await markDaysCovered(
    t.db,
    account.id,
    shanghaiDaysBetween(new Date(lastPostIso), new Date('2026-09-19T12:00:00Z')),
    run.id,
  );
  return account.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  agencyId = (await createTestAgency(t.db)).id;
});
afterAll(async () => t.drop());

describe('raiseAlerts with an edition in force other than national-2019', () => {
  it('uses its V2 window for STALE and the days before it for NEARING_STALE', async () => {
    const eightDays = await quietSince('2026-09-12T02:00:00Z');
    const fiveDays = await quietSince('2026-09-15T02:00:00Z');
    const strict = cloneEdition(NATIONAL_2019, { code: 'weekly', name: '七天版', veto: { V2: { windowDays: 7 } } });
    await t.db.indicatorEdition.create({
      data: {
        code: strict.code,
        name: strict.name,
        status: 'PUBLISHED',
        publishedAt: await publishedAfterAll(t.db),
        catalogue: strict,
      },
    });
    await raiseAlerts({ now: NOW, db: t.db });
    const alerts = await t.db.alert.findMany({ select: { accountId: true, kind: true, details: true } });
    const of = (id: string) =>
      alerts.filter((a) => a.accountId === id).map((a) => [a.kind, (a.details as { limitDays?: number }).limitDays]);
    expect(of(eightDays)).toEqual([['STALE', 7]]);
    expect(of(fiveDays)).toEqual([['NEARING_STALE', 7]]);
  });
});
