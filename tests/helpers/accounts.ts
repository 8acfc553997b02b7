import type { PrismaClient } from '@/lib/db/types';

// Read-backs only tests need (the product never lists accounts this way); kept out of lib/data so that module holds
// what the application calls.

type Lifecycle = 'OPEN' | 'CHANGED' | 'CLOSED';

export const countAccounts = (
  db: PrismaClient,
  where: { platformCode?: string; lifecycle?: Lifecycle } = {},
): Promise<number> => db.account.count({ where });

/** The accounts of one agency, by platform then handle. */
export const listAccountsByAgency = (db: PrismaClient, agencyId: string) =>
  db.account.findMany({
    where: { agencyId },
    orderBy: [{ platformCode: 'asc' }, { handle: 'asc' }],
    select: { id: true, platformCode: true, handle: true },
  });
