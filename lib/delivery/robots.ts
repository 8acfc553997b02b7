import { createHmac } from 'node:crypto';
import type { ChannelSecret } from '@/lib/schemas/notification';
import type { Message } from './compose';

// Pure: the HTTP request each robot expects and how to read its answer. No I/O here (lib/delivery/send.ts posts).
// WeCom group robot: https://developer.work.weixin.qq.com/document/path/91770 (markdown ≤ 4096 bytes, 20 messages
// per minute per robot). DingTalk custom robot: https://open.dingtalk.com/document/robots/custom-robot-access
// (加签: timestamp + HMAC-SHA256 sign, 20 messages per minute per robot).

export type RobotRequest = { url: string; body: string };
type WeCom = Extract<ChannelSecret, { kind: 'WECOM' }>;
type DingTalk = Extract<ChannelSecret, { kind: 'DINGTALK' }>;

/** Both platforms document 20 messages a minute per robot; beyond it they answer an error and drop the message. */
export const ROBOT_MESSAGES_PER_MINUTE = 20;

/** DingTalk 加签: base64(HMAC-SHA256(key = secret, data = "timestamp\nsecret")); the caller URL-encodes it. */
export function dingTalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

export function weComRequest(secret: WeCom, message: Message): RobotRequest {
  return {
    url: secret.webhookUrl,
    body: JSON.stringify({ msgtype: 'markdown', markdown: { content: message.markdown } }),
  };
}

export function dingTalkRequest(secret: DingTalk, message: Message, now: Date): RobotRequest {
  const timestamp = now.getTime();
  const url = new URL(secret.webhookUrl);
  url.searchParams.set('timestamp', String(timestamp));
  url.searchParams.set('sign', dingTalkSign(secret.secret, timestamp));
  // A mobile is only notified when it is also written in the text.
  const mentions = secret.atMobiles.length ? `\n\n${secret.atMobiles.map((m) => `@${m}`).join(' ')}` : '';
  return {
    url: url.toString(),
    body: JSON.stringify({
      msgtype: 'markdown',
      markdown: { title: message.title, text: `${message.markdown}${mentions}` },
      at: { atMobiles: secret.atMobiles, isAtAll: false },
    }),
  };
}

/** Codes meaning "too many messages, try later": WeCom 45009, DingTalk 130101 (and 660026, over the daily cap). */
const RATE_LIMIT_CODES = new Set([45009, 130101, 660026]);

export type RobotVerdict = { ok: true } | { ok: false; retryable: boolean; error: string };

/**
 * Both robots answer HTTP 200 with `{errcode, errmsg}`; errcode 0 is accepted. 5xx, 429 and rate-limit codes are
 * worth retrying; any other refusal (wrong key, bad signature, keyword filter, 4xx) will not heal by itself.
 */
export function robotVerdict(status: number, body: string): RobotVerdict {
  if (status >= 500 || status === 429) return { ok: false, retryable: true, error: `HTTP ${status}` };
  if (status < 200 || status >= 300) return { ok: false, retryable: false, error: `HTTP ${status}` };
  let parsed: { errcode?: unknown; errmsg?: unknown };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return { ok: false, retryable: true, error: 'answer is not JSON' };
  }
  const code = Number(parsed.errcode);
  if (code === 0) return { ok: true };
  const error = `errcode ${Number.isFinite(code) ? code : '?'}: ${String(parsed.errmsg ?? '').slice(0, 200)}`;
  return { ok: false, retryable: RATE_LIMIT_CODES.has(code), error };
}
