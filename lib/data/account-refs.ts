import type { Db } from '@/lib/db/types';

export type AccountRef = { id: string; agencyId: string; platformCode: string; handle: string; displayName: string };

/** Minimal account facts needed by ingest and crawl jobs. */
export async function findAccountRef(db: Db, accountId: string): Promise<AccountRef | null> {
  return db.account.findUnique({
    where: { id: accountId },
    select: { id: true, agencyId: true, platformCode: true, handle: true, displayName: true },
  });
}
