import { z } from 'zod';
import { ROLES } from '@/lib/schemas/enums';
import { text } from '@/lib/schemas/text';

/** Secrets look like `xj_` + 43 base64url characters (32 random bytes); the prefix makes a leaked one easy to find. */
export const API_TOKEN_PREFIX = 'xj_';
export const API_TOKEN_PATTERN = /^xj_[A-Za-z0-9_-]{43}$/;
export const MAX_TOKEN_DAYS = 366;

export const createApiTokenInputSchema = z.object({
  name: text().trim().min(2).max(80),
  /** The user the token acts as; the creator when empty. Only an administrator may name another user of their subtree. */
  userId: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || undefined),
  role: z.enum(ROLES),
  agencyId: z.uuid(),
  expiresInDays: z.coerce.number().int().min(1).max(MAX_TOKEN_DAYS),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenInputSchema>;

export const revokeApiTokenInputSchema = z.object({ tokenId: z.uuid() });

/** A token as listed in the dashboard: never the secret, only its first characters. */
export type ApiTokenDto = {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  userName: string;
  role: string;
  agencyId: string;
  agencyName: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
  state: 'ACTIVE' | 'EXPIRED' | 'REVOKED';
};
