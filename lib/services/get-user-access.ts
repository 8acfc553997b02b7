import type { Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { findUserAccess } from '@/lib/data/users';

/** The signed-in user's role grants; null for unknown or deactivated users. */
export async function getUserAccess({ userId, db = getDb() }: { userId: string; db?: Db }): Promise<Access | null> {
  const row = await findUserAccess(db, userId);
  if (!row || !row.isActive) return null;
  return { userId: row.id, name: row.name, email: row.email, locale: row.locale, grants: row.grants };
}
