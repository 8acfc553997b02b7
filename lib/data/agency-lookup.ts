import type { Db } from '@/lib/db/types';

/** The agency with `code`, or the oldest root agency when no code is given. */
export async function findAgencyByCodeOrRoot(db: Db, code: string | undefined): Promise<{ id: string; name: string } | null> {
  if (code) return db.agency.findUnique({ where: { code }, select: { id: true, name: true } });
  return db.agency.findFirst({ where: { parentId: null }, orderBy: { createdAt: 'asc' }, select: { id: true, name: true } });
}
