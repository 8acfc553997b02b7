import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import type { Message } from '@/lib/delivery/compose';
import { isAppError } from '@/lib/errors';
import { listDeliveries } from '@/lib/services/list-deliveries';
import { addChannel } from '@/lib/services/manage-notification-channels';
import { listManageableSubscriptions, removeSubscription, saveSubscription } from '@/lib/services/manage-subscriptions';
import { planDeliveries } from '@/lib/services/plan-deliveries';
import { takeDueDeliveries } from '@/lib/services/take-due-deliveries';
import { generateCredentialKey, loadCredentialKeyRing } from '@/lib/security/credentials';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// Quiet hours and the daily digest with an injected clock around Beijing midnight (16:00 UTC), and who may
// manage which subscription.

const key = generateCredentialKey();
const keys = () => loadCredentialKeyRing({ CREDENTIALS_KEY: key });
const BASE = 'https://xj.example.gov.cn';
let t: TestDatabase;
let rootId: string;
let countyA: string;
let countyB: string;
let accountA: string;

const access = (userId: string, role: 'ADMIN' | 'SUPERVISOR', agencyId: string): Access => ({
  userId,
  name: userId,
  email: `${userId}@x`,
  locale: 'zh-CN',
  grants: [{ role, agencyId, agencyName: '' }],
});
let supA: Access;
let supB: Access;
let admin: Access;

const at = (iso: string) => new Date(iso);
let n = 0;
async function alert(kind: 'STALE' | 'CRAWL_FAILING', createdAt: string, accountId = accountA) {
  n += 1;
  const details =
    kind === 'STALE'
      ? { lastPostAt: '2026-11-15T02:00:00Z', daysSince: 18, limitDays: 14 }
      : { days: ['2026-12-01', '2026-12-02', '2026-12-03'], errorKinds: ['NETWORK'] };
  return t.db.alert.create({ data: { accountId, kind, dedupeKey: `t${n}`, details, createdAt: at(createdAt) } });
}
const rejects = async (p: Promise<unknown>, code: string) => {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error) ? error.code : error).toBe(code);
};
async function channelOf(owner: Access) {
  return (
    await addChannel({
      access: owner,
      input: {
        label: `群-${owner.userId}`,
        secret: { kind: 'WECOM', webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcdef123456' },
      },
      db: t.db,
      keys,
    })
  ).id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  rootId = (await createTestAgency(t.db, { name: '江川省' })).id;
  countyA = (await createTestAgency(t.db, { parentId: rootId, level: 'COUNTY', name: '甲县' })).id;
  countyB = (await createTestAgency(t.db, { parentId: rootId, level: 'COUNTY', name: '乙县' })).id;
  accountA = (await createTestAccount(t.db, countyA, { displayName: '甲县发布' })).id;
  for (const [id, role, agencyId] of [
    ['sup-a', 'SUPERVISOR', countyA],
    ['sup-b', 'SUPERVISOR', countyB],
    ['admin', 'ADMIN', rootId],
  ] as const) {
    await t.db.user.create({ data: { id, name: id, email: `${id}@x.local` } });
    await t.db.roleGrant.create({ data: { userId: id, role, agencyId } });
  }
  supA = access('sup-a', 'SUPERVISOR', countyA);
  supB = access('sup-b', 'SUPERVISOR', countyB);
  admin = access('admin', 'ADMIN', rootId);
});
afterAll(async () => t.drop());

describe('who manages which subscription', () => {
  it('a supervisor subscribes only inside their scope, and manages only their own', async () => {
    const channel = await channelOf(supA);
    const input = {
      agencyId: countyA,
      channelId: channel,
      kinds: ['STALE'],
      mode: 'IMMEDIATE',
      quietStart: '',
      quietEnd: '',
      digestTime: '',
    };
    await rejects(saveSubscription({ access: supA, input: { ...input, agencyId: countyB }, db: t.db }), 'FORBIDDEN');
    await rejects(saveSubscription({ access: supB, input: { ...input, agencyId: countyB }, db: t.db }), 'VALIDATION'); // not sup-b's channel
    const { id } = await saveSubscription({ access: supA, input, db: t.db });
    await rejects(removeSubscription({ access: supB, input: { id }, db: t.db }), 'NOT_FOUND');
    await rejects(
      saveSubscription({ access: supB, input: { ...input, id, agencyId: countyB }, db: t.db }),
      'NOT_FOUND',
    );
    expect((await listManageableSubscriptions({ access: supB, db: t.db })).map((s) => s.id)).not.toContain(id);
    // The administrator of the root sees and removes it; bad input is a validation error, not a crash.
    expect((await listManageableSubscriptions({ access: admin, db: t.db })).map((s) => s.id)).toContain(id);
    await expect(
      saveSubscription({ access: supA, input: { ...input, quietStart: '22:00', quietEnd: '' }, db: t.db }),
    ).rejects.toThrow();
    await removeSubscription({ access: admin, input: { id }, db: t.db });
  });

  it("an administrator subscribes a user of their subtree, never outside that user's own scope", async () => {
    const channel = await channelOf(admin);
    const input = {
      agencyId: countyA,
      channelId: channel,
      kinds: ['STALE'],
      mode: 'DIGEST',
      quietStart: '',
      quietEnd: '',
      digestTime: '08:30',
      userId: 'sup-a',
    };
    await rejects(saveSubscription({ access: admin, input: { ...input, agencyId: countyB }, db: t.db }), 'FORBIDDEN');
    await rejects(
      saveSubscription({
        access: supB,
        input: { ...input, agencyId: countyB, channelId: await channelOf(supB) },
        db: t.db,
      }),
      'FORBIDDEN',
    );
    const { id } = await saveSubscription({ access: admin, input, db: t.db });
    const mine = await listManageableSubscriptions({ access: supA, db: t.db });
    expect(mine.find((s) => s.id === id)).toMatchObject({ userId: 'sup-a', digestTime: '08:30', isOwn: true });
    await removeSubscription({ access: supA, input: { id }, db: t.db });
  });
});

describe('quiet hours and the daily digest (Beijing time)', () => {
  it('holds an immediate message raised at 23:30 Beijing until quiet hours end at 07:00, across midnight', async () => {
    const channel = await channelOf(supA);
    const { id: subId } = await saveSubscription({
      access: supA,
      input: {
        agencyId: countyA,
        channelId: channel,
        kinds: ['STALE'],
        mode: 'IMMEDIATE',
        quietStart: '22:00',
        quietEnd: '07:00',
        digestTime: '',
      },
      db: t.db,
    });
    await t.db.notificationSubscription.update({
      where: { id: subId },
      data: { createdAt: at('2026-12-01T00:00:00Z') },
    });
    await alert('STALE', '2026-12-03T15:30:00Z'); // 23:30 Beijing, 3 December
    expect(await planDeliveries({ now: at('2026-12-03T15:31:00Z'), baseUrl: BASE, db: t.db })).toMatchObject({
      immediate: 1,
    });
    await alert('STALE', '2026-12-03T16:00:30Z'); // 00:00:30 Beijing, 4 December
    expect(await planDeliveries({ now: at('2026-12-03T16:01:00Z'), baseUrl: BASE, db: t.db })).toMatchObject({
      immediate: 1,
    });
    const planned = await t.db.delivery.findMany({ where: { subscriptionId: subId }, orderBy: { createdAt: 'asc' } });
    // Both wait for 07:00 Beijing on 4 December (23:00 UTC on the 3rd).
    expect(planned.map((d) => d.notBefore.toISOString())).toEqual([
      '2026-12-03T23:00:00.000Z',
      '2026-12-03T23:00:00.000Z',
    ]);
    const queued: string[] = [];
    const enqueue = async (ids: string[]) => void queued.push(...ids);
    expect(await takeDueDeliveries({ db: t.db, now: at('2026-12-03T22:59:59Z'), enqueue })).toBe(0);
    expect(await takeDueDeliveries({ db: t.db, now: at('2026-12-03T23:00:00Z'), enqueue })).toBe(2);
    expect(queued.sort()).toEqual(planned.map((d) => d.id).sort());
    // Outside quiet hours (07:00–22:00) a message goes at once.
    await alert('STALE', '2026-12-04T01:00:00Z');
    await planDeliveries({ now: at('2026-12-04T01:00:05Z'), baseUrl: BASE, db: t.db });
    const third = await t.db.delivery.findFirstOrThrow({
      where: { subscriptionId: subId },
      orderBy: { createdAt: 'desc' },
    });
    expect(third.notBefore.toISOString()).toBe('2026-12-04T01:00:05.000Z');
    await removeSubscription({ access: supA, input: { id: subId }, db: t.db });
  });

  it('sends the 08:30 digest with the 24 hours before it, grouped by kind, once a day', async () => {
    const channel = await channelOf(supA);
    const { id: subId } = await saveSubscription({
      access: supA,
      input: {
        agencyId: countyA,
        channelId: channel,
        kinds: ['STALE', 'CRAWL_FAILING'],
        mode: 'DIGEST',
        quietStart: '',
        quietEnd: '',
        digestTime: '08:30',
      },
      db: t.db,
    });
    await t.db.deliveryAlert.deleteMany({});
    await t.db.alert.deleteMany({});
    const before = await alert('STALE', '2026-12-03T00:29:00Z'); // 08:29 on the 3rd: yesterday's window
    const a = await alert('STALE', '2026-12-03T00:40:00Z'); // 08:40 on the 3rd
    const b = await alert('STALE', '2026-12-03T15:59:00Z'); // 23:59 on the 3rd
    const c = await alert('CRAWL_FAILING', '2026-12-03T16:00:00Z'); // 00:00 on the 4th
    const d = await alert('STALE', '2026-12-04T00:31:00Z'); // 08:31 on the 4th: tomorrow's digest
    expect(await planDeliveries({ now: at('2026-12-04T00:29:59Z'), baseUrl: BASE, db: t.db })).toMatchObject({
      digests: 0,
    });
    expect(await planDeliveries({ now: at('2026-12-04T00:30:00Z'), baseUrl: BASE, db: t.db })).toMatchObject({
      digests: 1,
    });
    expect(await planDeliveries({ now: at('2026-12-04T00:45:00Z'), baseUrl: BASE, db: t.db })).toMatchObject({
      digests: 0,
    });

    const digest = await t.db.delivery.findFirstOrThrow({
      where: { subscriptionId: subId, kind: 'DIGEST' },
      include: { alerts: true },
    });
    expect(digest.dedupeKey).toBe(`digest:${subId}:2026-12-04`);
    expect(digest.alerts.map((x) => x.alertId).sort()).toEqual([a.id, b.id, c.id].sort());
    const message = digest.message as Message;
    expect(message.title).toBe('【巡检日报】2026-12-04 提醒汇总（3 条）');
    expect(message.markdown).toContain('**超期未更新（2 条）**');
    expect(message.markdown).toContain('**采集连续失败（1 条）**');
    expect(message.markdown.indexOf('超期未更新（2 条）')).toBeLessThan(
      message.markdown.indexOf('采集连续失败（1 条）'),
    );
    expect(message.markdown).toContain(`${BASE}/alerts?kind=STALE`);
    expect(message.markdown).toContain(`${BASE}/alerts?kind=CRAWL_FAILING`);
    expect(message.text).toContain(`监管总览：${BASE}/`);

    expect(await planDeliveries({ now: at('2026-12-05T00:30:00Z'), baseUrl: BASE, db: t.db })).toMatchObject({
      digests: 1,
    });
    const next = await t.db.delivery.findFirstOrThrow({
      where: { dedupeKey: `digest:${subId}:2026-12-05` },
      include: { alerts: true },
    });
    expect(next.alerts.map((x) => x.alertId)).toEqual([d.id]);
    expect((await t.db.deliveryAlert.findMany({ where: { alertId: before.id } })).length).toBe(0);

    // The log shows the subscriber their digests; another county's supervisor sees none of them.
    expect((await listDeliveries({ access: supA, params: {}, db: t.db })).items.some((i) => i.kind === 'DIGEST')).toBe(
      true,
    );
    expect((await listDeliveries({ access: supB, params: {}, db: t.db })).items).toEqual([]);
  });

  it('skips a subscription whose subscriber lost the grant on its agency', async () => {
    const channel = await channelOf(supA);
    const { id } = await saveSubscription({
      access: supA,
      input: {
        agencyId: countyA,
        channelId: channel,
        kinds: ['STALE'],
        mode: 'IMMEDIATE',
        quietStart: '',
        quietEnd: '',
        digestTime: '',
      },
      db: t.db,
    });
    await t.db.roleGrant.deleteMany({ where: { userId: 'sup-a' } });
    await alert('STALE', new Date().toISOString());
    const summary = await planDeliveries({ now: new Date(), baseUrl: BASE, db: t.db });
    expect(summary.skippedOutOfScope).toBeGreaterThanOrEqual(1);
    expect(await t.db.delivery.count({ where: { subscriptionId: id } })).toBe(0);
  });
});
