import { z } from 'zod';
import { text } from './text';
import { beijingInstantSchema } from './day';

export const CREDENTIAL_KINDS = ['WEIBO_COOKIE', 'WECHAT_OFFICIAL_API', 'WECHAT_MP_BACKEND'] as const;
export const credentialKindSchema = z.enum(CREDENTIAL_KINDS);
export type CredentialKind = z.infer<typeof credentialKindSchema>;

export const CREDENTIAL_KIND_PLATFORM = {
  WEIBO_COOKIE: 'WEIBO',
  WECHAT_OFFICIAL_API: 'WECHAT',
  WECHAT_MP_BACKEND: 'WECHAT',
} as const satisfies Record<CredentialKind, string>;

const secret = (max: number) => text().trim().min(1).max(max);

/** The decrypted credential JSON, one shape per kind; crawlers receive exactly this. */
export const credentialPayloadSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('WEIBO_COOKIE'), cookie: secret(8000) }),
  z.object({
    kind: z.literal('WECHAT_OFFICIAL_API'),
    appId: text()
      .trim()
      .regex(/^wx[0-9a-zA-Z]{16}$/, 'validation.wechatAppId'),
    appSecret: secret(200),
  }),
  z.object({
    kind: z.literal('WECHAT_MP_BACKEND'),
    cookie: secret(8000),
    token: text()
      .trim()
      .regex(/^\d{1,20}$/, 'validation.wechatToken'),
  }),
]);
export type CredentialPayload = z.infer<typeof credentialPayloadSchema>;

/** Blank is "no expiry"; a day is valid through the end of that Beijing day. */
const optionalDate = z
  .union([z.literal('').transform(() => null), z.null(), beijingInstantSchema('end')])
  .optional()
  .transform((v) => v ?? null);

export const createCredentialInputSchema = z.object({
  label: text().trim().min(2).max(80),
  expiresAt: optionalDate,
  payload: credentialPayloadSchema,
});
export type CreateCredentialInput = z.input<typeof createCredentialInputSchema>;

export const replaceCredentialSecretInputSchema = z.object({
  id: z.uuid(),
  expiresAt: optionalDate,
  payload: credentialPayloadSchema,
});
export const deleteCredentialInputSchema = z.object({ id: z.uuid() });
export const attachCredentialInputSchema = z.object({
  accountId: z.uuid(),
  credentialId: z.union([z.uuid(), z.literal('').transform(() => null), z.null()]),
});

const tail = (value: string) => (value.length <= 8 ? '…' : `…${value.slice(-4)}`);

/** What the UI and audit log may show: never enough of a secret to use it. */
export function maskCredential(payload: CredentialPayload): string {
  switch (payload.kind) {
    case 'WEIBO_COOKIE':
      return `cookie ${payload.cookie.length} chars ${tail(payload.cookie)}`;
    case 'WECHAT_OFFICIAL_API':
      return `appId ${payload.appId.slice(0, 4)}…${payload.appId.slice(-4)} · secret ${tail(payload.appSecret)}`;
    case 'WECHAT_MP_BACKEND':
      return `cookie ${payload.cookie.length} chars · token ${tail(payload.token)}`;
  }
}

/** Flat form fields (kind, label, expiresAt, cookie, appId, appSecret, token) → the nested input the services parse. */
export function credentialFormInput(form: unknown): Record<string, unknown> {
  const f = (form && typeof form === 'object' ? form : {}) as Record<string, unknown>;
  const payload =
    f.kind === 'WECHAT_OFFICIAL_API'
      ? { kind: f.kind, appId: f.appId, appSecret: f.appSecret }
      : f.kind === 'WECHAT_MP_BACKEND'
        ? { kind: f.kind, cookie: f.cookie, token: f.token }
        : { kind: f.kind, cookie: f.cookie };
  return { id: f.id, label: f.label, expiresAt: f.expiresAt, payload };
}
