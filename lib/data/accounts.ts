import type { Db } from '@/lib/db/types';
import type { Prisma } from '@/lib/db/generated/client';

type FilingStatus = 'UNFILED' | 'PENDING' | 'FILED' | 'REVOKED';
type Lifecycle = 'OPEN' | 'CHANGED' | 'CLOSED';

export type NewAccount = {
  agencyId: string;
  platformCode: string;
  handle: string;
  displayName: string;
  url?: string | null;
  filingNumber: string | null;
  filingStatus: FilingStatus;
  lifecycle?: Lifecycle;
  openedAt: Date | null;
  changedAt?: Date | null;
  closedAt?: Date | null;
  crawlConfig: Prisma.InputJsonValue;
  isRegistered?: boolean;
};

export type AccountDto = {
  id: string;
  agencyId: string;
  platformCode: string;
  handle: string;
  displayName: string;
  url: string | null;
  filingNumber: string | null;
  filingStatus: FilingStatus;
  lifecycle: Lifecycle;
  openedAt: string | null;
  changedAt: string | null;
  closedAt: string | null;
  isRegistered: boolean;
  createdAt: string;
};

const accountSelect = {
  id: true,
  agencyId: true,
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
  isRegistered: true,
  createdAt: true,
} as const;

type AccountRow = Omit<AccountDto, 'openedAt' | 'changedAt' | 'closedAt' | 'createdAt'> & {
  openedAt: Date | null;
  changedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
};
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const toDto = (r: AccountRow): AccountDto => ({
  ...r,
  openedAt: iso(r.openedAt),
  changedAt: iso(r.changedAt),
  closedAt: iso(r.closedAt),
  createdAt: r.createdAt.toISOString(),
});

const toData = (a: NewAccount) => ({
  agencyId: a.agencyId,
  platformCode: a.platformCode,
  handle: a.handle,
  displayName: a.displayName,
  url: a.url ?? null,
  filingNumber: a.filingNumber,
  filingStatus: a.filingStatus,
  lifecycle: a.lifecycle ?? 'OPEN',
  openedAt: a.openedAt,
  changedAt: a.changedAt ?? null,
  closedAt: a.closedAt ?? null,
  crawlConfig: a.crawlConfig,
  isRegistered: a.isRegistered ?? true,
});

/** Bulk insert for imports and the demo seed; returns how many rows were written. */
export async function createAccounts(db: Db, rows: NewAccount[]): Promise<number> {
  const result = await db.account.createMany({ data: rows.map(toData) });
  return result.count;
}

export type NewLifecycleEvent = {
  accountId: string;
  lifecycle: Lifecycle;
  effectiveAt: Date;
  filingNumber: string | null;
  /** Filed profile changes, {field: {from, to}}. */
  changes: Prisma.InputJsonValue;
  note: string | null;
};

export async function createLifecycleEvents(db: Db, rows: NewLifecycleEvent[]): Promise<number> {
  const result = await db.accountLifecycleEvent.createMany({ data: rows });
  return result.count;
}

export async function findAccountByHandle(db: Db, platformCode: string, handle: string): Promise<AccountDto | null> {
  const row = await db.account.findUnique({
    where: { platformCode_handle: { platformCode, handle } },
    select: accountSelect,
  });
  return row ? toDto(row) : null;
}

export async function mapAccountIdsByHandle(
  db: Db,
  platformHandles: Array<{ platformCode: string; handle: string }>,
): Promise<Map<string, string>> {
  const rows = await db.account.findMany({
    where: { OR: platformHandles.map((p) => ({ platformCode: p.platformCode, handle: p.handle })) },
    select: { id: true, platformCode: true, handle: true },
  });
  return new Map(rows.map((r) => [`${r.platformCode}:${r.handle}`, r.id]));
}

/** One account registered by an administrator. */
export async function createAccount(
  db: Db,
  data: {
    agencyId: string;
    platformCode: string;
    handle: string;
    displayName: string;
    url: string | null;
    filingNumber: string | null;
    filingStatus: 'UNFILED' | 'PENDING' | 'FILED' | 'REVOKED';
    openedAt: Date;
  },
) {
  return db.account.create({ data, select: { id: true } });
}
