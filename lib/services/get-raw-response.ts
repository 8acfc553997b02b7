import { z } from 'zod';
import { canAccessAgency, READ_ROLES, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { listAccountsUsingRaw, readRawResponse, type RawResponseDto } from '@/lib/data/raw-archive';
import { notFound } from '@/lib/errors';

export const rawHashSchema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * One archived platform answer (取证: exactly what the platform returned), for a user who can read at least one
 * account whose crawl used it. Unknown hashes and answers outside the caller's scope are both "not found", so the
 * existence of an answer never leaks across scopes.
 */
export async function getRawResponse({
  access,
  hash,
  db = getDb(),
}: {
  access: Access;
  hash: string;
  db?: Db;
}): Promise<RawResponseDto> {
  const parsed = rawHashSchema.safeParse(hash);
  if (!parsed.success) throw notFound('account');
  const users = await listAccountsUsingRaw(db, parsed.data);
  if (!users.some((u) => canAccessAgency(access, READ_ROLES, u.agency))) throw notFound('account');
  const raw = await readRawResponse(db, parsed.data);
  if (!raw) throw notFound('account');
  return raw;
}
