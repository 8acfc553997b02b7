import { z } from 'zod';

export const CREDENTIAL_KINDS = ['WEIBO_COOKIE', 'WECHAT_OFFICIAL_API', 'WECHAT_MP_BACKEND'] as const;
export const credentialKindSchema = z.enum(CREDENTIAL_KINDS);
export type CredentialKind = z.infer<typeof credentialKindSchema>;

export const CREDENTIAL_KIND_PLATFORM = {
  WEIBO_COOKIE: 'WEIBO',
  WECHAT_OFFICIAL_API: 'WECHAT',
  WECHAT_MP_BACKEND: 'WECHAT',
} as const satisfies Record<CredentialKind, string>;

const secret = (max: number) => z.string().trim().min(1).max(max);

/** The decrypted credential JSON, one shape per kind; crawlers receive exactly this. */
export const credentialPayloadSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('WEIBO_COOKIE'), cookie: secret(8000) }),
  z.object({ kind: z.literal('WECHAT_OFFICIAL_API'), appId: z.string().trim().regex(/^wx[0-9a-zA-Z]{16}$/, 'appId is wx + 16 letters or digits'), appSecret: secret(200) }),
  z.object({ kind: z.literal('WECHAT_MP_BACKEND'), cookie: secret(8000), token: z.string().trim().regex(/^\d{1,20}$/, 'token is the digits after token= in the backend URL') }),
]);
export type CredentialPayload = z.infer<typeof credentialPayloadSchema>;

const optionalDate = z
  .union([z.string(), z.date(), z.null()])
  .optional()
  .transform((v) => (v === '' || v === null || v === undefined ? null : new Date(v)))
  .refine((v) => v === null || !Number.isNaN(v.getTime()), 'Invalid date');

export const createCredentialInputSchema = z.object({
  label: z.string().trim().min(2).max(80),
  expiresAt: optionalDate,
  payload: credentialPayloadSchema,
});
export type CreateCredentialInput = z.input<typeof createCredentialInputSchema>;

export const replaceCredentialSecretInputSchema = z.object({ id: z.uuid(), expiresAt: optionalDate, payload: credentialPayloadSchema });
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
  const payload = f.kind === 'WECHAT_OFFICIAL_API' ? { kind: f.kind, appId: f.appId, appSecret: f.appSecret }
    : f.kind === 'WECHAT_MP_BACKEND' ? { kind: f.kind, cookie: f.cookie, token: f.token }
    : { kind: f.kind, cookie: f.cookie };
  return { id: f.id, label: f.label, expiresAt: f.expiresAt, payload };
}
