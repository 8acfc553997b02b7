import type { Db } from '@/lib/db/types';
import { agencyInSubtrees } from './overview';

export type AdminAccountRowDto = { id: string; displayName: string; platformCode: string; handle: string; agencyName: string; filingStatus: string; lifecycle: string };

export async function listAccountsPage(db: Db, roots: string[], filter: { platform?: string; q?: string; page: number }, pageSize: number) {
  const where = {
    agency: agencyInSubtrees(roots),
    ...(filter.platform ? { platformCode: filter.platform } : {}),
    ...(filter.q ? { OR: [{ displayName: { contains: filter.q } }, { handle: { contains: filter.q } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.account.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: (filter.page - 1) * pageSize,
      take: pageSize,
      select: { id: true, displayName: true, platformCode: true, handle: true, filingStatus: true, lifecycle: true, agency: { select: { name: true } } },
    }),
    db.account.count({ where }),
  ]);
  return { total, items: rows.map((r): AdminAccountRowDto => ({ ...r, agencyName: r.agency.name })) };
}

export async function createAccount(db: Db, data: { agencyId: string; platformCode: string; handle: string; displayName: string; url: string | null; filingNumber: string | null; filingStatus: 'UNFILED' | 'PENDING' | 'FILED' | 'REVOKED'; openedAt: Date }) {
  return db.account.create({ data, select: { id: true } });
}

export async function findAccountByPlatformHandle(db: Db, platformCode: string, handle: string) {
  return db.account.findUnique({ where: { platformCode_handle: { platformCode, handle } }, select: { id: true } });
}

export async function listAgencyOptions(db: Db, roots: string[]) {
  return db.agency.findMany({ where: { isActive: true, ...agencyInSubtrees(roots) }, orderBy: [{ level: 'asc' }, { name: 'asc' }], take: 2000, select: { id: true, name: true, level: true } });
}

export async function listAgencyAncestryByCodes(db: Db, codes: string[]) {
  return db.agency.findMany({ where: { code: { in: codes } }, select: { id: true, code: true, ancestorIds: true } });
}

export async function listUsersInScope(db: Db, roots: string[]) {
  const rows = await db.user.findMany({
    where: { roleGrants: { some: { agency: agencyInSubtrees(roots) } } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, email: true, isActive: true, roleGrants: { orderBy: { createdAt: 'asc' }, select: { id: true, role: true, agency: { select: { name: true } } } } },
  });
  return rows.map((u) => ({ id: u.id, name: u.name, email: u.email, isActive: u.isActive, grants: u.roleGrants.map((g) => ({ id: g.id, role: g.role, agencyName: g.agency.name })) }));
}
