import type { Db } from '@/lib/db/types';
import { agencyInSubtrees } from './overview';

export type AdminAccountRowDto = {
  id: string;
  displayName: string;
  platformCode: string;
  handle: string;
  agencyName: string;
  filingStatus: string;
  lifecycle: string;
};

export async function listAccountsPage(
  db: Db,
  roots: string[],
  filter: { platform?: string; q?: string; page: number },
  pageSize: number,
) {
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
      select: {
        id: true,
        displayName: true,
        platformCode: true,
        handle: true,
        filingStatus: true,
        lifecycle: true,
        agency: { select: { name: true } },
      },
    }),
    db.account.count({ where }),
  ]);
  return { total, items: rows.map((r): AdminAccountRowDto => ({ ...r, agencyName: r.agency.name })) };
}
