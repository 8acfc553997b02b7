import { z } from 'zod';
import { ALERT_KINDS } from './alert';
import { text } from './text';

// Notification channels and subscriptions (docs/notifications.md). Client-safe: the forms parse with these too.

export const CHANNEL_KINDS = ['WECOM', 'DINGTALK', 'EMAIL'] as const;
export const channelKindSchema = z.enum(CHANNEL_KINDS);
export type ChannelKind = z.infer<typeof channelKindSchema>;
export const NOTIFICATION_MODES = ['IMMEDIATE', 'DIGEST'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];
export const DELIVERY_STATUSES = ['PENDING', 'QUEUED', 'RETRYING', 'SENT', 'DEAD'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export type DeliveryKind = 'ALERTS' | 'DIGEST' | 'TEST';

const webhookUrl = text()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, message: 'validation.webhookUrl' }));
const mobile = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, 'validation.mobile');
const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'validation.email' }));

/** Splits a textarea or comma list into trimmed entries (blank lines dropped). */
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(/[\s,，;；]+/)
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item).max(max),
  );

/** The sealed part of a channel: what a sender needs; decrypted only inside the worker. */
export const channelSecretSchema = z.discriminatedUnion('kind', [
  // https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… (a private WeCom deployment has its own host).
  z.object({ kind: z.literal('WECOM'), webhookUrl }),
  // https://oapi.dingtalk.com/robot/send?access_token=…; secret: the robot's 加签 key (SEC…).
  z.object({
    kind: z.literal('DINGTALK'),
    webhookUrl,
    secret: text().trim().min(1).max(200),
    atMobiles: list(mobile, 20).default([]),
  }),
  z.object({
    kind: z.literal('EMAIL'),
    to: list(email, 20).pipe(z.array(z.string()).min(1, 'validation.emailRequired')),
  }),
]);
export type ChannelSecret = z.infer<typeof channelSecretSchema>;

export const createChannelInputSchema = z.object({
  label: text().trim().min(2).max(80),
  secret: channelSecretSchema,
});
export type CreateChannelInput = z.input<typeof createChannelInputSchema>;
export const channelIdInputSchema = z.object({ id: z.uuid() });

const tail = (value: string) => (value.length <= 8 ? '…' : `…${value.slice(-4)}`);

/** A webhook as the UI may show it: host and the last 4 characters of the URL, never the key or token itself. */
function maskWebhook(url: string): string {
  try {
    return `${new URL(url).host} ${tail(url)}`;
  } catch {
    return tail(url);
  }
}

/** What the UI and the audit log may show of a channel. Addresses of email recipients are not secret. */
export function maskChannelSecret(secret: ChannelSecret): string {
  switch (secret.kind) {
    case 'WECOM':
      return maskWebhook(secret.webhookUrl);
    case 'DINGTALK':
      return `${maskWebhook(secret.webhookUrl)} · 加签 ${tail(secret.secret)}${secret.atMobiles.length ? ` · @${secret.atMobiles.length}` : ''}`;
    case 'EMAIL':
      return secret.to.join(', ');
  }
}

/** Flat form fields (kind, label, webhookUrl, secret, atMobiles, to) → the nested input the services parse. */
export function channelFormInput(form: Record<string, unknown>): Record<string, unknown> {
  const secret =
    form.kind === 'DINGTALK'
      ? { kind: form.kind, webhookUrl: form.webhookUrl, secret: form.secret, atMobiles: form.atMobiles ?? '' }
      : form.kind === 'EMAIL'
        ? { kind: form.kind, to: form.to }
        : { kind: form.kind, webhookUrl: form.webhookUrl };
  return { label: form.label, secret };
}

/** "HH:MM" → minutes of the (Beijing) day; blank → null. */
const clockMinute = z.preprocess(
  (v) => (v === '' || v === undefined ? null : v),
  z.union([
    z.null(),
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.clockTime')
      .transform((v) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3))),
  ]),
);

export const MAX_MINUTE = 24 * 60;
export const DEFAULT_DIGEST_MINUTE = 8 * 60 + 30;

export const subscriptionInputSchema = z
  .object({
    agencyId: z.uuid(),
    channelId: z.uuid(),
    kinds: z.preprocess(
      (v) => (typeof v === 'string' ? [v] : v),
      z.array(z.enum(ALERT_KINDS)).min(1, 'validation.alertKindsRequired'),
    ),
    mode: z.enum(NOTIFICATION_MODES),
    quietStart: clockMinute,
    quietEnd: clockMinute,
    digestTime: clockMinute.transform((v) => v ?? DEFAULT_DIGEST_MINUTE),
    /** Whose subscription: the caller when absent; an administrator may name a user of their subtree. */
    userId: z.preprocess((v) => (v === '' ? undefined : v), text().min(1).max(100).optional()),
  })
  .superRefine((v, ctx) => {
    if ((v.quietStart === null) !== (v.quietEnd === null))
      ctx.addIssue({ code: 'custom', path: ['quietEnd'], message: 'validation.quietBoth' });
    if (v.quietStart !== null && v.quietStart === v.quietEnd)
      ctx.addIssue({ code: 'custom', path: ['quietEnd'], message: 'validation.quietEmpty' });
  });
export type SubscriptionInput = z.output<typeof subscriptionInputSchema>;
export const subscriptionIdInputSchema = z.object({ id: z.uuid() });
export const subscriptionActiveInputSchema = z.object({
  id: z.uuid(),
  isActive: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});
export const sendTestInputSchema = z.object({ channelId: z.uuid() });

export const formatMinute = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

export type ChannelDto = {
  id: string;
  kind: ChannelKind;
  label: string;
  secretHint: string;
  createdAt: string;
  ownerName: string;
  isOwn: boolean;
};
export type SubscriptionDto = {
  id: string;
  userId: string;
  userName: string;
  agencyId: string;
  agencyName: string;
  channelId: string;
  channelLabel: string;
  channelKind: ChannelKind;
  kinds: string[];
  mode: NotificationMode;
  quietStart: string | null;
  quietEnd: string | null;
  digestTime: string;
  isActive: boolean;
  isOwn: boolean;
};
export type DeliveryLogDto = {
  id: string;
  kind: DeliveryKind;
  status: DeliveryStatus;
  title: string;
  channelLabel: string;
  channelKind: ChannelKind;
  attempts: number;
  lastStatusCode: number | null;
  lastLatencyMs: number | null;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
  tries: Array<{
    attempt: number;
    startedAt: string;
    ok: boolean | null;
    statusCode: number | null;
    latencyMs: number | null;
    error: string | null;
  }>;
};

export const deliveryLogFilterSchema = z.object({
  status: z.enum([...DELIVERY_STATUSES, 'ALL']).catch('ALL'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type DeliveryLogFilter = z.infer<typeof deliveryLogFilterSchema>;
