import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runApplyRetention } from '@/crawlers/jobs/apply-retention';
import type { DeliveryStatus } from '@/lib/db/generated/client';
import { shanghaiDayStart } from '@/lib/time';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// DELIVERY_RETENTION_DAYS (docs/retention.md): finished deliveries (SENT, DEAD) go once they finished before 00:00
// Beijing of the day N days back; PENDING, QUEUED and RETRYING ones stay at any age.

let t: TestDatabase;
let channelId: string;
let subscriptionId: string;
let accountId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.user.create({ data: { id: 'owner', name: 'owner', email: 'owner@x.local' } });
  const agency = await createTestAgency(t.db);
  accountId = (await createTestAccount(t.db, agency.id)).id;
  channelId = (
    await t.db.notificationChannel.create({
      data: {
        ownerId: 'owner',
        kind: 'WECOM',
        label: '群',
        secretHint: '…1234',
        keyId: 'k',
        ciphertext: Buffer.from('c'),
        iv: Buffer.from('i'),
        authTag: Buffer.from('a'),
      },
    })
  ).id;
  subscriptionId = (
    await t.db.notificationSubscription.create({
      data: {
        userId: 'owner',
        agencyId: agency.id,
        channelId,
        kinds: ['STALE'],
        mode: 'IMMEDIATE',
        createdById: 'owner',
      },
    })
  ).id;
});
afterAll(async () => {
  await t.drop();
});

/** An instant given as Beijing wall-clock time `YYYY-MM-DD HH:MM`. */
const beijing = (s: string) => {
  const [day, hm] = s.split(' ');
  const [h, m] = hm.split(':').map(Number);
  return new Date(shanghaiDayStart(day).getTime() + (h * 60 + m) * 60_000);
};

let n = 0;
async function delivery(status: DeliveryStatus, createdAt: Date, finishedAt: Date | null) {
  n += 1;
  const row = await t.db.delivery.create({
    data: {
      channelId,
      subscriptionId,
      kind: 'ALERTS',
      dedupeKey: `d${n}`,
      status,
      title: `d${n}`,
      message: { markdown: 'm', text: 't', html: 'h' },
      notBefore: createdAt,
      createdAt,
      finishedAt,
      attempts: 1,
    },
  });
  await t.db.deliveryAttempt.create({
    data: { deliveryId: row.id, channelId, attempt: 1, startedAt: finishedAt ?? createdAt, ok: status === 'SENT' },
  });
  const alert = await t.db.alert.create({
    data: { accountId, kind: 'STALE', dedupeKey: `a${n}`, details: {}, createdAt },
  });
  await t.db.deliveryAlert.create({ data: { subscriptionId, alertId: alert.id, deliveryId: row.id } });
  return row.id;
}

describe('apply-retention: notification deliveries', () => {
  it('deletes finished deliveries before the Beijing-day cutoff, keeps unfinished ones at any age', async () => {
    // 2027-07-10 10:00 Beijing; DELIVERY_RETENTION_DAYS=7 → cutoff 2027-07-03 00:00 Beijing.
    const now = beijing('2027-07-10 10:00');
    const long = beijing('2020-01-01 12:00');
    const ids = {
      sentOld: await delivery('SENT', long, long),
      deadOld: await delivery('DEAD', long, long),
      // Finished without a recorded finish time: judged by its creation.
      sentNoFinish: await delivery('SENT', long, null),
      // Around Beijing midnight of the cutoff day (2027-07-02 23:59 is 15:59 UTC of the same date; 00:01 is 16:01).
      sentBeforeMidnight: await delivery('SENT', beijing('2027-07-02 23:00'), beijing('2027-07-02 23:59')),
      deadAfterMidnight: await delivery('DEAD', beijing('2027-07-02 23:00'), beijing('2027-07-03 00:01')),
      // Created before the cutoff but finished after it (retried, or held by quiet hours): the finish time counts.
      sentLateFinish: await delivery('SENT', beijing('2027-06-20 09:00'), beijing('2027-07-03 08:00')),
      sentRecent: await delivery('SENT', beijing('2027-07-09 09:00'), beijing('2027-07-09 09:01')),
      pendingOld: await delivery('PENDING', long, null),
      queuedOld: await delivery('QUEUED', long, null),
      retryingOld: await delivery('RETRYING', long, null),
    };

    const summary = await runApplyRetention({ now, db: t.db, env: { DELIVERY_RETENTION_DAYS: '7' } });
    expect(summary.deliveryCutoff).toBe(shanghaiDayStart('2027-07-03').toISOString());
    expect(summary.deliveryCutoff).toBe('2027-07-02T16:00:00.000Z');
    expect(summary.deliveriesDeleted).toBe(4);

    const left = (await t.db.delivery.findMany({ select: { id: true } })).map((d) => d.id);
    const kept = [
      ids.deadAfterMidnight,
      ids.sentLateFinish,
      ids.sentRecent,
      ids.pendingOld,
      ids.queuedOld,
      ids.retryingOld,
    ];
    expect(left.sort()).toEqual(kept.sort());
    // Tries and sent-alert marks go with their delivery; the alerts themselves stay.
    expect(
      (await t.db.deliveryAttempt.findMany({ select: { deliveryId: true } })).map((a) => a.deliveryId).sort(),
    ).toEqual(kept.sort());
    expect(
      (await t.db.deliveryAlert.findMany({ select: { deliveryId: true } })).map((a) => a.deliveryId).sort(),
    ).toEqual(kept.sort());
    expect(await t.db.alert.count()).toBe(n);

    // Run again: nothing more to do. Default 180 days (0 and `off` mean the default) keeps everything left.
    expect((await runApplyRetention({ now, db: t.db, env: { DELIVERY_RETENTION_DAYS: '7' } })).deliveriesDeleted).toBe(
      0,
    );
    const off = await runApplyRetention({ now, db: t.db, env: { DELIVERY_RETENTION_DAYS: 'off' } });
    expect(off.deliveryCutoff).toBe(shanghaiDayStart('2027-01-11').toISOString());
    expect(off.deliveriesDeleted).toBe(0);
  });

  it('deletes more than one batch of 10 000', async () => {
    await t.db.delivery.deleteMany({});
    await t.db.$executeRaw`
      INSERT INTO delivery (id, channel_id, kind, dedupe_key, status, title, message, not_before, created_at, finished_at)
      SELECT gen_random_uuid(), ${channelId}::uuid, 'ALERTS', 'bulk' || i, 'SENT', 't', '{}'::jsonb,
             '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z'
      FROM generate_series(1, 10005) AS i`;
    await t.db.$executeRaw`
      INSERT INTO delivery (id, channel_id, kind, dedupe_key, status, title, message, not_before, created_at)
      SELECT gen_random_uuid(), ${channelId}::uuid, 'ALERTS', 'bulk-pending' || i, 'RETRYING', 't', '{}'::jsonb,
             '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z'
      FROM generate_series(1, 3) AS i`;
    const summary = await runApplyRetention({ now: beijing('2027-07-10 10:00'), db: t.db, env: {} });
    expect(summary.deliveriesDeleted).toBe(10_005);
    expect(await t.db.delivery.count()).toBe(3);
  });
});
