import { canAccessAgency, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { consumeApiCall, findApiTokenByHash, touchApiToken } from '@/lib/data/api-tokens';
import { AppError } from '@/lib/errors';
import { API_TOKEN_PATTERN } from '@/lib/schemas/api/tokens';
import { getUserAccess } from './get-user-access';
import { hashApiToken } from './manage-api-tokens';

/** Calls per token per minute (API_RATE_LIMIT_PER_MINUTE, default 120), counted in the database for all processes. */
export const apiRateLimitPerMinute = () => {
  const n = Number(process.env.API_RATE_LIMIT_PER_MINUTE);
  return Number.isInteger(n) && n > 0 ? n : 120;
};
const RATE_WINDOW_MS = 60_000;
/** last_used_at is written at most once a minute per token: enough for "last used", not one write per call. */
const TOUCH_EVERY_MS = 60_000;

export type ApiTokenCaller = { access: Access; tokenId: string };

/**
 * The access a bearer secret grants at `now`: its owner acting with the token's one grant, and only while the owner
 * still holds that role over that agency (a grant removed from the user narrows their tokens at once). Unknown,
 * expired and revoked tokens and deactivated owners are refused alike (401); a token over its rate is a 429.
 * `tokenId` is set on the error when the token is known, so the refusal can be audited against it.
 */
export async function authenticateApiToken({
  secret,
  now,
  db = getDb(),
}: {
  secret: string;
  now: Date;
  db?: Db;
}): Promise<ApiTokenCaller> {
  const refused = (tokenId?: string) =>
    new AppError('UNAUTHORIZED', 'apiTokenRefused', { details: tokenId ? { tokenId } : undefined });
  if (!API_TOKEN_PATTERN.test(secret)) throw refused();
  const token = await findApiTokenByHash(db, hashApiToken(secret));
  if (!token) throw refused();
  if (token.revokedAt || token.expiresAt <= now) throw refused(token.id);
  const owner = await getUserAccess({ userId: token.userId, db });
  if (!owner) throw refused(token.id);
  const limit = apiRateLimitPerMinute();
  if ((await consumeApiCall(db, token.id, RATE_WINDOW_MS, now.getTime())) > limit) {
    throw new AppError('RATE_LIMITED', 'apiRateLimited', { params: { limit }, details: { tokenId: token.id } });
  }
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= TOUCH_EVERY_MS)
    await touchApiToken(db, token.id, now);
  const stillHeld = canAccessAgency(owner, [token.role], { id: token.agencyId, ancestorIds: token.agency.ancestorIds });
  const grants = stillHeld ? [{ role: token.role, agencyId: token.agencyId, agencyName: token.agency.name }] : [];
  return { tokenId: token.id, access: { ...owner, grants } };
}
