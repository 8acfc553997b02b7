import { describe, expect, it } from 'vitest';
import type { AlertForMessage } from '@/lib/delivery/alert-text';
import { composeAlertsMessage, mdSafe, ROBOT_MARKDOWN_BYTES } from '@/lib/delivery/compose';
import { dingTalkRequest, dingTalkSign, robotVerdict, weComRequest } from '@/lib/delivery/robots';
import { beijingMinuteOfDay, dueDigest, quietUntil } from '@/lib/delivery/schedule';
import { channelSecretSchema, maskChannelSecret, subscriptionInputSchema } from '@/lib/schemas/notification';

const at = (iso: string) => new Date(iso);

describe('quiet hours (Beijing time, 22:00–07:00)', () => {
  const q = (iso: string) => quietUntil(at(iso), 22 * 60, 7 * 60)?.toISOString() ?? null;
  it('holds messages from 22:00 to 07:00 across Beijing midnight (16:00 UTC)', () => {
    expect(beijingMinuteOfDay(at('2026-12-03T15:59:00Z'))).toBe(23 * 60 + 59);
    expect(q('2026-12-03T13:59:59Z')).toBeNull(); // 21:59:59
    expect(q('2026-12-03T14:00:00Z')).toBe('2026-12-03T23:00:00.000Z'); // 22:00 → 07:00 next Beijing day
    expect(q('2026-12-03T15:59:59Z')).toBe('2026-12-03T23:00:00.000Z'); // 23:59:59
    expect(q('2026-12-03T16:00:00Z')).toBe('2026-12-03T23:00:00.000Z'); // 00:00 of the 4th
    expect(q('2026-12-03T22:59:59Z')).toBe('2026-12-03T23:00:00.000Z'); // 06:59:59
    expect(q('2026-12-03T23:00:00Z')).toBeNull(); // 07:00
  });
  it('handles a daytime window and no window', () => {
    expect(quietUntil(at('2026-12-04T04:30:00Z'), 12 * 60, 14 * 60)?.toISOString()).toBe('2026-12-04T06:00:00.000Z');
    expect(quietUntil(at('2026-12-04T04:30:00Z'), null, null)).toBeNull();
  });
});

describe('digest time', () => {
  it('is due from 08:30 Beijing with the 24 hours before it', () => {
    expect(dueDigest(at('2026-12-04T00:29:59Z'), 510)).toBeNull();
    expect(dueDigest(at('2026-12-04T00:30:00Z'), 510)).toEqual({
      day: '2026-12-04',
      at: at('2026-12-04T00:30:00Z'),
      from: at('2026-12-03T00:30:00Z'),
    });
    // 23:59 Beijing is still the same Beijing day's digest; one minute later it is the next day, not yet due.
    expect(dueDigest(at('2026-12-04T15:59:00Z'), 510)?.day).toBe('2026-12-04');
    expect(dueDigest(at('2026-12-04T16:00:00Z'), 510)).toBeNull();
  });
});

describe('robots', () => {
  it('signs DingTalk requests as HMAC-SHA256(secret, "timestamp\\nsecret") in base64, URL-encoded', () => {
    // Expected value computed with: printf '1700000000000\nSEC0123456789' | openssl dgst -sha256 -hmac SEC0123456789 -binary | base64
    expect(dingTalkSign('SEC0123456789', 1_700_000_000_000)).toBe('VloEIlTtJU6a/AGf2pud1WypXdicIlyQAOpspu6OP6s=');
    const message = { title: 't', markdown: '**m**', text: 'm', html: '<p>m</p>' };
    const req = dingTalkRequest(
      {
        kind: 'DINGTALK',
        webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
        secret: 'SEC0123456789',
        atMobiles: ['13800000000'],
      },
      message,
      new Date(1_700_000_000_000),
    );
    expect(req.url).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000&sign=VloEIlTtJU6a%2FAGf2pud1WypXdicIlyQAOpspu6OP6s%3D',
    );
    expect(JSON.parse(req.body)).toEqual({
      msgtype: 'markdown',
      markdown: { title: 't', text: '**m**\n\n@13800000000' },
      at: { atMobiles: ['13800000000'], isAtAll: false },
    });
    expect(
      JSON.parse(
        weComRequest({ kind: 'WECOM', webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' }, message)
          .body,
      ),
    ).toEqual({ msgtype: 'markdown', markdown: { content: '**m**' } });
  });
  it('reads answers: errcode 0 accepted, rate limits and 5xx retried, other refusals final', () => {
    expect(robotVerdict(200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true });
    expect(robotVerdict(200, '{"errcode":45009,"errmsg":"api freq out of limit"}')).toMatchObject({
      ok: false,
      retryable: true,
    });
    expect(robotVerdict(200, '{"errcode":130101,"errmsg":"send too fast"}')).toMatchObject({
      ok: false,
      retryable: true,
    });
    expect(robotVerdict(200, '{"errcode":310000,"errmsg":"sign not match"}')).toMatchObject({
      ok: false,
      retryable: false,
    });
    expect(robotVerdict(502, '')).toMatchObject({ ok: false, retryable: true });
    expect(robotVerdict(404, '')).toMatchObject({ ok: false, retryable: false });
  });
});

describe('messages', () => {
  const alert = (i: number, name = `账号${i}`): AlertForMessage => ({
    id: `a${i}`,
    kind: 'STALE',
    accountId: `acc${i}`,
    accountName: name,
    platformCode: 'WECHAT',
    agencyName: '青山县网信办',
    createdAt: at('2026-12-04T00:07:00Z'),
    details: { kind: 'STALE', lastPostAt: '2026-11-18T02:00:00Z', daysSince: 16, limitDays: 14 },
  });
  it('says what, which account and agency, since when, what to do, and links', () => {
    const m = composeAlertsMessage([alert(1, '青山发布')], 'https://xj.gov.cn/');
    expect(m.title).toBe('【巡检提醒】超期未更新：青山发布');
    for (const part of [
      '“青山发布”（微信公众号）',
      '主办单位：青山县网信办',
      '已 16 天未发布内容，超过 14 天未更新的否决线',
      '起始时间：2026-11-18（最后一次发布）',
      '处理建议：请立即督促',
      'https://xj.gov.cn/accounts/acc1',
    ]) {
      expect(m.markdown).toContain(part);
      expect(m.text).toContain(
        part.replace('https://xj.gov.cn/accounts/acc1', '查看：https://xj.gov.cn/accounts/acc1'),
      );
    }
  });
  it('keeps robot markdown under the WeCom limit and counts what it left out', () => {
    const m = composeAlertsMessage(
      Array.from({ length: 60 }, (_, i) => alert(i)),
      'https://xj.gov.cn',
    );
    expect(Buffer.byteLength(m.markdown)).toBeLessThanOrEqual(ROBOT_MARKDOWN_BYTES);
    expect(m.markdown).toMatch(/其余 \d+ 条请\[在系统中查看\]\(https:\/\/xj\.gov\.cn\/alerts\)/);
    expect(m.text).toContain('账号59'); // email and text keep every alert
  });
  it('neutralizes markdown and HTML in names taken from platforms', () => {
    expect(mdSafe('[点我](http://evil) <@all>')).toBe('［点我］（http://evil） ＜＠all＞');
    const m = composeAlertsMessage([alert(1, '<script>x</script>')], 'https://xj.gov.cn');
    expect(m.html).not.toContain('<script>');
    expect(m.markdown).not.toContain('<script>');
  });
});

describe('channel and subscription input', () => {
  it('masks secrets and validates', () => {
    const secret = channelSecretSchema.parse({
      kind: 'DINGTALK',
      webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef',
      secret: 'SECabcdefghijkl',
      atMobiles: '13800000000, 13900000000',
    });
    expect(secret).toMatchObject({ atMobiles: ['13800000000', '13900000000'] });
    const hint = maskChannelSecret(secret);
    expect(hint).toBe('oapi.dingtalk.com …cdef · 加签 …ijkl · @2');
    expect(channelSecretSchema.safeParse({ kind: 'WECOM', webhookUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(channelSecretSchema.safeParse({ kind: 'EMAIL', to: '' }).success).toBe(false);
    const sub = subscriptionInputSchema.parse({
      agencyId: '01900000-0000-7000-8000-000000000000',
      channelId: '01900000-0000-7000-8000-000000000001',
      kinds: 'STALE',
      mode: 'DIGEST',
      quietStart: '22:00',
      quietEnd: '07:00',
      digestTime: '',
    });
    expect(sub).toMatchObject({ kinds: ['STALE'], quietStart: 1320, quietEnd: 420, digestTime: 510 });
    expect(subscriptionInputSchema.safeParse({ ...sub, kinds: [], quietStart: '25:00' }).success).toBe(false);
  });
});

describe('SMTP settings', () => {
  it('are off without SMTP_HOST and read blank variables as unset', async () => {
    const { loadSmtpConfig } = await import('@/lib/delivery/smtp');
    expect(loadSmtpConfig({ SMTP_HOST: '' })).toBeNull();
    expect(
      loadSmtpConfig({
        SMTP_HOST: 'smtp.example.gov.cn',
        SMTP_PORT: '',
        SMTP_SECURE: '',
        SMTP_REQUIRE_TLS: '',
        SMTP_TLS_MIN_VERSION: '',
        SMTP_FROM: 'x@example.gov.cn',
      }),
    ).toMatchObject({
      SMTP_PORT: undefined,
      SMTP_SECURE: false,
      SMTP_REQUIRE_TLS: true,
      SMTP_TLS_REJECT_UNAUTHORIZED: true,
      SMTP_TLS_MIN_VERSION: 'TLSv1.2',
    });
    expect(() =>
      loadSmtpConfig({ SMTP_HOST: 'smtp.example.gov.cn', SMTP_PORT: '99999', SMTP_FROM: 'x@example.gov.cn' }),
    ).toThrow(/Invalid SMTP configuration/);
  });
});
