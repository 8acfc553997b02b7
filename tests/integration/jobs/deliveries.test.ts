import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { createDeliverySend, startDeliveryJobs } from '@/crawlers/delivery-jobs';
import { runDispatchDeliveries } from '@/crawlers/jobs/dispatch-deliveries';
import { QUEUES, startBoss, type PgBoss } from '@/crawlers/queue';
import { markDaysCovered } from '@/lib/data/coverage';
import { reserveSendingSlot } from '@/lib/data/deliveries';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { listDeliveries } from '@/lib/services/list-deliveries';
import { addChannel } from '@/lib/services/manage-notification-channels';
import { saveSubscription } from '@/lib/services/manage-subscriptions';
import { raiseAlerts } from '@/lib/services/raise-alerts';
import { sendTestMessage } from '@/lib/services/send-test-message';
import { generateCredentialKey, loadCredentialKeyRing } from '@/lib/security/credentials';
import { shanghaiDaysBetween } from '@/lib/time';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// End to end on loopback: an alert raised by the worker's alert job is planned, queued in pg-boss and sent by the
// delivery worker to a WeCom receiver, a DingTalk receiver (signature checked) and an SMTP server (smtp-server).

const DAY = 86_400_000;
const BASE_URL = 'https://xunjian.example.gov.cn';
const DING_SECRET = 'SECtest0123456789abcdef';
const key = generateCredentialKey();
const keys = () => loadCredentialKeyRing({ CREDENTIALS_KEY: key });

type Received = { path: string; query: URLSearchParams; body: unknown; at: number };
let t: TestDatabase;
let boss: PgBoss;
let http: Server;
let httpPort: number;
let smtp: SMTPServer;
let smtpPort: number;
const received: Received[] = [];
const mails: Array<{ raw: string; to: string[]; secure: boolean }> = [];
let failuresLeft = 2;
let supervisor: Access;
let countyId: string;

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** Decodes the text/plain and text/html parts of a MIME message (base64 or quoted-printable). */
function mimeParts(raw: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const chunk of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
    const [head, ...rest] = chunk.split(/\r?\n\r?\n/);
    const type = /content-type:\s*(text\/(?:plain|html))/i.exec(head)?.[1];
    if (!type) continue;
    const body = rest.join('\n\n').split(/\r?\n--/)[0];
    const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(head)?.[1]?.toLowerCase();
    parts[type] =
      encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : encoding === 'quoted-printable'
          ? Buffer.from(
              body
                .replace(/=\r?\n/g, '')
                .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
              'latin1',
            ).toString('utf8')
          : body;
  }
  return parts;
}

async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  done: (v: T) => boolean,
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  process.env.WORKER_DELIVERY_RETRY_LIMIT = '2';
  process.env.WORKER_DELIVERY_RETRY_DELAY_SECONDS = '1';
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);

  http = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const body = JSON.parse((await readBody(req)) || 'null') as unknown;
    received.push({ path: url.pathname, query: url.searchParams, body, at: Date.now() });
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/flaky' && failuresLeft > 0) {
      failuresLeft -= 1;
      res.statusCode = 500;
      return res.end('{"errcode":-1,"errmsg":"system busy"}');
    }
    if (url.pathname === '/down') {
      res.statusCode = 503;
      return res.end('down');
    }
    if (url.pathname === '/dingtalk') {
      const timestamp = url.searchParams.get('timestamp') ?? '';
      const expected = createHmac('sha256', DING_SECRET).update(`${timestamp}\n${DING_SECRET}`).digest('base64');
      const fresh = Math.abs(Date.now() - Number(timestamp)) < 3_600_000;
      return res.end(
        JSON.stringify(
          url.searchParams.get('sign') === expected && fresh
            ? { errcode: 0, errmsg: 'ok' }
            : { errcode: 310000, errmsg: 'sign not match' },
        ),
      );
    }
    res.end('{"errcode":0,"errmsg":"ok"}');
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  httpPort = (http.address() as AddressInfo).port;

  smtp = new SMTPServer({
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (c: string) => (raw += c));
      stream.on('end', () => {
        mails.push({ raw, to: session.envelope.rcptTo.map((r) => r.address), secure: session.secure });
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  smtpPort = (smtp.server.address() as AddressInfo).port;

  boss = await startBoss(t.url, { isSupervisor: true });
  const send = createDeliverySend({
    DELIVERY_ALLOW_HOSTS: `127.0.0.1:${httpPort}`,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SMTP_FROM: '巡检系统 <xunjian@example.gov.cn>',
    // smtp-server offers STARTTLS with its built-in self-signed certificate: required here, so the test proves TLS.
    SMTP_REQUIRE_TLS: 'true',
    SMTP_TLS_REJECT_UNAUTHORIZED: 'false',
  });
  await startDeliveryJobs({ db: t.db, boss, send, keys });

  const root = await createTestAgency(t.db, { name: '江川省' });
  countyId = (await createTestAgency(t.db, { parentId: root.id, level: 'COUNTY', name: '青山县' })).id;
  await t.db.user.create({ data: { id: 'sup-1', name: '李督查', email: 'sup-1@x.local' } });
  await t.db.roleGrant.create({ data: { userId: 'sup-1', role: 'SUPERVISOR', agencyId: countyId } });
  supervisor = {
    userId: 'sup-1',
    name: '李督查',
    email: 'sup-1@x.local',
    locale: 'zh-CN',
    grants: [{ role: 'SUPERVISOR', agencyId: countyId, agencyName: '青山县' }],
  };
}, 120_000);

afterAll(async () => {
  await boss?.stop({ graceful: false, close: true });
  await new Promise((r) => http?.close(r));
  await new Promise((r) => smtp?.close(() => r(undefined)));
  await t?.drop();
});

async function channel(label: string, secret: Record<string, unknown>) {
  return (await addChannel({ access: supervisor, input: { label, secret }, db: t.db, keys })).id;
}

async function subscribe(channelId: string, extra: Record<string, unknown> = {}) {
  return saveSubscription({
    access: supervisor,
    db: t.db,
    input: {
      agencyId: countyId,
      channelId,
      kinds: ['STALE', 'NEARING_STALE'],
      mode: 'IMMEDIATE',
      quietStart: '',
      quietEnd: '',
      digestTime: '',
      ...extra,
    },
  });
}

const deliveryStates = () =>
  t.db.delivery.findMany({
    orderBy: { createdAt: 'asc' },
    include: { attemptLog: { orderBy: { attempt: 'asc' } }, channel: { select: { label: true } } },
  });

describe('alert delivery to WeCom, DingTalk and email', () => {
  it('sends a stale-account alert raised by the alert job to all three, signed and in Chinese', async () => {
    const wecom = await channel('县网信办工作群', {
      kind: 'WECOM',
      webhookUrl: `http://127.0.0.1:${httpPort}/wecom?key=wecom-key-123456`,
    });
    const ding = await channel('督查钉钉群', {
      kind: 'DINGTALK',
      webhookUrl: `http://127.0.0.1:${httpPort}/dingtalk?access_token=ding-token-abcdef`,
      secret: DING_SECRET,
      atMobiles: '13800000000',
    });
    const mail = await channel('督查邮箱', { kind: 'EMAIL', to: 'duchayuan@example.gov.cn' });
    for (const id of [wecom, ding, mail]) await subscribe(id);
    // The channel list never holds the secret: only a masked hint.
    const stored = await t.db.notificationChannel.findMany({ select: { secretHint: true, ciphertext: true } });
    for (const c of stored) {
      expect(c.secretHint).not.toContain('wecom-key-123456');
      expect(c.secretHint).not.toContain(DING_SECRET);
      expect(Buffer.from(c.ciphertext).toString('utf8')).not.toContain('wecom-key');
    }

    const now = new Date();
    const account = await createTestAccount(t.db, countyId, { displayName: '青山发布' });
    const lastPost = new Date(now.getTime() - 16 * DAY);
    const run = await t.db.crawlRun.create({
      data: { accountId: account.id, slotKey: `seed:${account.id}`, status: 'SUCCEEDED' },
    });
    await t.db.post.create({
      data: {
        accountId: account.id,
        platformPostId: 'p',
        text: 't',
        contentHash: 'h',
        publishedAt: lastPost,
        firstSeenAt: now,
        lastSeenAt: now,
      },
    });
    await markDaysCovered(t.db, account.id, shanghaiDaysBetween(lastPost, now), run.id);
    expect((await raiseAlerts({ now, db: t.db })).stale).toBe(1);

    const dispatched = await runDispatchDeliveries({ db: t.db, boss, now: new Date(), baseUrl: BASE_URL });
    expect(dispatched).toMatchObject({ immediate: 3, queued: 3 });
    // Planned once: the same alerts are never sent twice to a subscription.
    expect(await runDispatchDeliveries({ db: t.db, boss, now: new Date(), baseUrl: BASE_URL })).toMatchObject({
      immediate: 0,
      queued: 0,
    });

    const done = await waitFor(
      'three SENT deliveries',
      deliveryStates,
      (ds) => ds.length === 3 && ds.every((d) => d.status === 'SENT'),
    );
    expect(done.map((d) => d.attemptLog.map((a) => a.ok))).toEqual([[true], [true], [true]]);

    const weComCall = received.find((r) => r.path === '/wecom')!;
    expect(weComCall.query.get('key')).toBe('wecom-key-123456');
    const weComBody = weComCall.body as { msgtype: string; markdown: { content: string } };
    expect(weComBody.msgtype).toBe('markdown');
    expect(weComBody.markdown.content).toContain('超期未更新：“青山发布”（微博）');
    expect(weComBody.markdown.content).toContain('主办单位：青山县');
    expect(weComBody.markdown.content).toContain('处理建议');
    expect(weComBody.markdown.content).toContain(`${BASE_URL}/accounts/${account.id}`);

    const dingCall = received.find((r) => r.path === '/dingtalk')!;
    const dingBody = dingCall.body as {
      msgtype: string;
      markdown: { title: string; text: string };
      at: { atMobiles: string[] };
    };
    expect(dingBody.msgtype).toBe('markdown');
    expect(dingBody.at.atMobiles).toEqual(['13800000000']);
    expect(dingBody.markdown.text).toContain('@13800000000');
    // The receiver answered errcode 0 only for a valid signature, so SENT proves it; check it here as well.
    const ts = dingCall.query.get('timestamp')!;
    expect(dingCall.query.get('sign')).toBe(
      createHmac('sha256', DING_SECRET).update(`${ts}\n${DING_SECRET}`).digest('base64'),
    );

    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual(['duchayuan@example.gov.cn']);
    expect(mails[0].secure).toBe(true);
    const parts = mimeParts(mails[0].raw);
    expect(parts['text/plain']).toContain('【超期未更新】“青山发布”（微博）');
    expect(parts['text/html']).toContain('<h3>超期未更新：“青山发布”（微博）</h3>');

    const log = await listDeliveries({ access: supervisor, params: {}, db: t.db });
    expect(log.items.map((i) => [i.status, i.lastStatusCode !== null, i.tries.length])).toEqual([
      ['SENT', true, 1],
      ['SENT', true, 1],
      ['SENT', true, 1],
    ]);
  });

  it('retries a receiver that fails twice with backoff, then records it SENT', async () => {
    const flaky = await channel('时好时坏的群', {
      kind: 'WECOM',
      webhookUrl: `http://127.0.0.1:${httpPort}/flaky?key=k1`,
    });
    const { deliveryId } = await sendTestMessage({
      access: supervisor,
      input: { channelId: flaky },
      baseUrl: BASE_URL,
      db: t.db,
    });
    await runDispatchDeliveries({ db: t.db, boss, now: new Date(), baseUrl: BASE_URL });
    const d = await waitFor(
      'flaky delivery SENT',
      () =>
        t.db.delivery.findUniqueOrThrow({
          where: { id: deliveryId },
          include: { attemptLog: { orderBy: { attempt: 'asc' } } },
        }),
      (x) => x.status === 'SENT',
    );
    expect(d.attemptLog.map((a) => [a.attempt, a.ok, a.statusCode])).toEqual([
      [1, false, 500],
      [2, false, 500],
      [3, true, 200],
    ]);
    // Backoff: each retry waited at least the configured delay (1 s).
    expect(d.attemptLog[1].startedAt.getTime() - d.attemptLog[0].startedAt.getTime()).toBeGreaterThanOrEqual(900);
  });

  it('dead-letters a receiver that keeps failing after the last try', async () => {
    const down = await channel('一直失败的群', {
      kind: 'WECOM',
      webhookUrl: `http://127.0.0.1:${httpPort}/down?key=k2`,
    });
    const { deliveryId } = await sendTestMessage({
      access: supervisor,
      input: { channelId: down },
      baseUrl: BASE_URL,
      db: t.db,
    });
    await runDispatchDeliveries({ db: t.db, boss, now: new Date(), baseUrl: BASE_URL });
    const d = await waitFor(
      'dead delivery',
      () => t.db.delivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { attemptLog: true } }),
      (x) => x.status === 'DEAD',
    );
    expect(d.attemptLog.map((a) => a.statusCode)).toEqual([503, 503, 503]);
    expect(d.lastError).toBe('HTTP 503');
    const dead = await waitFor(
      'dead-letter job',
      () => boss.findJobs<{ deliveryId: string }>(QUEUES.deliverMessageDead),
      (jobs) => jobs.some((j) => j.data.deliveryId === deliveryId),
    );
    expect(dead.filter((j) => j.data.deliveryId === deliveryId)).toHaveLength(1);
  });

  it('refuses a webhook on a loopback port that is not allowlisted, without retrying', async () => {
    const blocked = await channel('内网地址', {
      kind: 'WECOM',
      webhookUrl: `http://127.0.0.1:${httpPort + 1}/x?key=k3`,
    });
    const { deliveryId } = await sendTestMessage({
      access: supervisor,
      input: { channelId: blocked },
      baseUrl: BASE_URL,
      db: t.db,
    });
    await runDispatchDeliveries({ db: t.db, boss, now: new Date(), baseUrl: BASE_URL });
    const d = await waitFor(
      'refused delivery',
      () => t.db.delivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { attemptLog: true } }),
      (x) => x.status === 'DEAD',
    );
    expect(d.attemptLog).toHaveLength(1);
    expect(d.lastError).toMatch(/non-public address 127\.0\.0\.1/);
  });

  it('keeps each robot within 20 messages a minute', async () => {
    const id = await channel('限流测试', { kind: 'WECOM', webhookUrl: `http://127.0.0.1:${httpPort}/wecom?key=k4` });
    const { deliveryId } = await sendTestMessage({
      access: supervisor,
      input: { channelId: id },
      baseUrl: BASE_URL,
      db: t.db,
    });
    const at = new Date('2030-01-01T00:00:00Z');
    const slots = [];
    for (let i = 0; i < 21; i += 1)
      slots.push(
        await reserveSendingSlot(t.db, {
          deliveryId,
          channelId: id,
          now: new Date(at.getTime() + i * 1000),
          perMinute: 20,
        }),
      );
    expect(slots.slice(0, 20).every((s) => 'attemptId' in s)).toBe(true);
    // The 21st waits until the first of the 20 leaves the one-minute window (started at +0 s, now +20 s).
    expect(slots[20]).toEqual({ waitMs: 40_000 });
    expect(
      'attemptId' in
        (await reserveSendingSlot(t.db, {
          deliveryId,
          channelId: id,
          now: new Date(at.getTime() + 60_001),
          perMinute: 20,
        })),
    ).toBe(true);
  });
});
