import type { Db } from '@/lib/db/types';
import type { Prisma } from '@/lib/db/generated/client';

type Lifecycle = 'OPEN' | 'CHANGED' | 'CLOSED';

export type LifecycleAccountDto = {
  id: string;
  platformCode: string;
  handle: string;
  displayName: string;
  url: string | null;
  filingNumber: string | null;
  filingStatus: string;
  lifecycle: Lifecycle;
  openedAt: Date | null;
  changedAt: Date | null;
  closedAt: Date | null;
  credentialId: string | null;
  agency: { id: string; name: string; ancestorIds: string[] };
};

export type LifecycleEventDto = {
  id: string;
  lifecycle: Lifecycle;
  effectiveAt: string;
  filingNumber: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
  note: string | null;
  actorId: string | null;
  createdAt: string;
};

const accountSelect = {
  id: true,
  platformCode: true,
  handle: true,
  displayName: true,
  url: true,
  filingNumber: true,
  filingStatus: true,
  lifecycle: true,
  openedAt: true,
  changedAt: true,
  closedAt: true,
  credentialId: true,
  agency: { select: { id: true, name: true, ancestorIds: true } },
} as const;

export async function findLifecycleAccount(db: Db, accountId: string): Promise<LifecycleAccountDto | null> {
  return db.account.findUnique({ where: { id: accountId }, select: accountSelect });
}

/** Re-reads the account under a row lock, so two lifecycle writes on one account apply one after the other. */
export async function lockLifecycleAccount(
  tx: Prisma.TransactionClient,
  accountId: string,
): Promise<LifecycleAccountDto | null> {
  await tx.$queryRaw`SELECT id FROM account WHERE id = ${accountId}::uuid FOR UPDATE`;
  return findLifecycleAccount(tx, accountId);
}

export async function isHandleTaken(
  db: Db,
  platformCode: string,
  handle: string,
  exceptAccountId: string,
): Promise<boolean> {
  const row = await db.account.findUnique({
    where: { platformCode_handle: { platformCode, handle } },
    select: { id: true },
  });
  return row !== null && row.id !== exceptAccountId;
}

export type LifecycleWrite = {
  accountId: string;
  account: Prisma.AccountUpdateInput;
  event: {
    lifecycle: Lifecycle;
    effectiveAt: Date;
    filingNumber: string;
    changes: Prisma.InputJsonValue;
    note: string | null;
    actorId: string | null;
  };
};

export async function writeLifecycleEvent(tx: Db, write: LifecycleWrite): Promise<{ id: string }> {
  await tx.account.update({ where: { id: write.accountId }, data: write.account });
  return tx.accountLifecycleEvent.create({
    data: { accountId: write.accountId, ...write.event },
    select: { id: true },
  });
}

export async function listLifecycleEvents(db: Db, accountId: string): Promise<LifecycleEventDto[]> {
  const rows = await db.accountLifecycleEvent.findMany({
    where: { accountId },
    orderBy: [{ effectiveAt: 'desc' }, { createdAt: 'desc' }],
    select: {
      id: true,
      lifecycle: true,
      effectiveAt: true,
      filingNumber: true,
      changes: true,
      note: true,
      actorId: true,
      createdAt: true,
    },
  });
  return rows.map((r) => ({
    ...r,
    effectiveAt: r.effectiveAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    changes: (r.changes && typeof r.changes === 'object' && !Array.isArray(r.changes)
      ? r.changes
      : {}) as LifecycleEventDto['changes'],
  }));
}
