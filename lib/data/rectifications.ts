import type { Db } from '@/lib/db/types';
import { dateToDay, dayToDate, shanghaiDay } from '@/lib/time';
import { agencyInSubtrees } from './overview';

export type RectificationFilter = { state: 'OPEN' | 'OVERDUE' | 'DONE' | 'ALL'; page: number };
export type RectificationItemDto = {
  id: string;
  findingId: string;
  indicatorCode: string;
  ruleId: string;
  accountId: string;
  accountName: string;
  agencyName: string;
  deadline: string;
  doneAt: string | null;
  note: string | null;
  isOverdue: boolean;
  isLate: boolean;
};

export async function listRectificationsPage(
  db: Db,
  roots: string[],
  filter: RectificationFilter,
  today: string,
  pageSize: number,
) {
  const todayDate = dayToDate(today);
  const stateWhere =
    filter.state === 'OPEN'
      ? { doneAt: null }
      : filter.state === 'OVERDUE'
        ? { doneAt: null, deadline: { lt: todayDate } }
        : filter.state === 'DONE'
          ? { doneAt: { not: null } }
          : {};
  const where = { agency: agencyInSubtrees(roots), ...stateWhere };
  const [rows, total] = await Promise.all([
    db.rectification.findMany({
      where,
      orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
      skip: (filter.page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        findingId: true,
        deadline: true,
        doneAt: true,
        note: true,
        finding: {
          select: { indicatorCode: true, ruleId: true, accountId: true, account: { select: { displayName: true } } },
        },
        agency: { select: { name: true } },
      },
    }),
    db.rectification.count({ where }),
  ]);
  const items: RectificationItemDto[] = rows.map((r) => {
    const deadline = dateToDay(r.deadline);
    const doneDay = r.doneAt ? shanghaiDay(r.doneAt) : null;
    return {
      id: r.id,
      findingId: r.findingId,
      indicatorCode: r.finding.indicatorCode,
      ruleId: r.finding.ruleId,
      accountId: r.finding.accountId,
      accountName: r.finding.account.displayName,
      agencyName: r.agency.name,
      deadline,
      doneAt: r.doneAt?.toISOString() ?? null,
      note: r.note,
      isOverdue: !r.doneAt && deadline < today,
      isLate: doneDay !== null && doneDay > deadline,
    };
  });
  return { items, total };
}

export async function createRectifications(
  db: Db,
  rows: Array<{ findingId: string; agencyId: string; deadline: string; createdById: string }>,
) {
  if (rows.length === 0) return 0;
  const result = await db.rectification.createMany({
    data: rows.map((r) => ({ ...r, deadline: dayToDate(r.deadline) })),
    skipDuplicates: true,
  });
  return result.count;
}

export async function findRectificationScope(db: Db, id: string) {
  return db.rectification.findUnique({
    where: { id },
    select: {
      id: true,
      findingId: true,
      doneAt: true,
      note: true,
      agency: { select: { id: true, ancestorIds: true } },
    },
  });
}

export async function completeRectification(db: Db, id: string, doneAt: Date, note: string | null) {
  await db.rectification.update({ where: { id }, data: { doneAt, note } });
}

/** Removes the open rectifications of these findings (an undone confirmation never asked for one); returns how many. */
export async function deleteOpenRectifications(db: Db, findingIds: string[]): Promise<number> {
  const result = await db.rectification.deleteMany({ where: { findingId: { in: findingIds }, doneAt: null } });
  return result.count;
}
