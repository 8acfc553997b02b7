import type { Prisma } from '@/lib/db/generated/client';
import type { Db } from '@/lib/db/types';
import { alertDetailsSchema, type AlertFilter, type AlertItemDto, type AlertKind } from '@/lib/schemas/alert';
import { agencyInSubtrees } from './overview';

export type QuietAccountRow = { accountId: string; lastPostAt: Date; lastPostDay: string; coveredDaysAfter: number };
export type FailingAccountRow = { accountId: string; errorKinds: string[] | null };
export type PendingVetoRow = { accountId: string; inspectionId: string; inspectionName: string; codes: string[] };
export type OverdueRectificationRow = {
  accountId: string;
  rectificationId: string;
  findingId: string;
  indicatorCode: string;
  ruleId: string;
  deadline: string;
};
export type NewAlert = { accountId: string; kind: AlertKind; dedupeKey: string; details: Prisma.InputJsonValue };
export type AlertScopeRow = {
  id: string;
  acknowledgedAt: Date | null;
  acknowledgedById: string | null;
  agency: { id: string; ancestorIds: string[] };
};

/**
 * Open accounts whose newest post is on or before `lastDayAtMost`, with the number of COVERED days
 * strictly after that post's day and strictly before `today` (all Asia/Shanghai days).
 */
export async function listQuietAccounts(
  db: Db,
  { today, lastDayAtMost }: { today: string; lastDayAtMost: string },
): Promise<QuietAccountRow[]> {
  return db.$queryRaw<QuietAccountRow[]>`
    WITH last_post AS (
      SELECT p.account_id, max(p.published_at) AS last_at
      FROM post p JOIN account a ON a.id = p.account_id
      WHERE a.lifecycle <> 'CLOSED'
      GROUP BY p.account_id
    ), quiet AS (
      SELECT account_id, last_at, (last_at AT TIME ZONE 'Asia/Shanghai')::date AS last_day
      FROM last_post WHERE (last_at AT TIME ZONE 'Asia/Shanghai')::date <= ${lastDayAtMost}::date
    )
    SELECT q.account_id AS "accountId", q.last_at AS "lastPostAt", to_char(q.last_day, 'YYYY-MM-DD') AS "lastPostDay",
      (SELECT count(*)::int FROM crawl_coverage c
        WHERE c.account_id = q.account_id AND c.status = 'COVERED' AND c.day > q.last_day AND c.day < ${today}::date) AS "coveredDaysAfter"
    FROM quiet q`;
}

/** Open accounts whose coverage is FAILED on each of the `days` given. */
export async function listFailingAccounts(db: Db, days: string[]): Promise<FailingAccountRow[]> {
  return db.$queryRaw<FailingAccountRow[]>`
    SELECT c.account_id AS "accountId", array_agg(DISTINCT c.error_kind::text) FILTER (WHERE c.error_kind IS NOT NULL) AS "errorKinds"
    FROM crawl_coverage c JOIN account a ON a.id = c.account_id
    WHERE a.lifecycle <> 'CLOSED' AND c.status = 'FAILED' AND c.day = ANY(${days}::date[])
    GROUP BY c.account_id
    HAVING count(*) = ${days.length}`;
}

/** Inserts alerts; a dedupe key already present (same account, kind and day) is skipped. */
export async function createAlerts(db: Db, alerts: NewAlert[]): Promise<number> {
  if (alerts.length === 0) return 0;
  const result = await db.alert.createMany({ data: alerts, skipDuplicates: true });
  return result.count;
}

/** Open accounts whose latest score (the `latest_score` read model) still has suspected veto findings awaiting review. */
export async function listPendingVetoAccounts(db: Db): Promise<PendingVetoRow[]> {
  return db.$queryRaw<PendingVetoRow[]>`
    SELECT l.account_id AS "accountId", i.id AS "inspectionId", i.name AS "inspectionName", s.pending_veto_codes AS codes
    FROM latest_score l JOIN score s ON s.id = l.score_id JOIN inspection i ON i.id = l.inspection_id
    JOIN account a ON a.id = l.account_id
    WHERE a.lifecycle <> 'CLOSED' AND cardinality(s.pending_veto_codes) > 0`;
}

/** Open rectifications of open accounts whose deadline (a Shanghai day) is before `today`, oldest deadline first. */
export async function listOverdueRectifications(db: Db, today: string): Promise<OverdueRectificationRow[]> {
  return db.$queryRaw<OverdueRectificationRow[]>`
    SELECT f.account_id AS "accountId", r.id AS "rectificationId", f.id AS "findingId", f.indicator_code AS "indicatorCode",
      f.rule_id AS "ruleId", to_char(r.deadline, 'YYYY-MM-DD') AS deadline
    FROM rectification r JOIN finding f ON f.id = r.finding_id JOIN account a ON a.id = f.account_id
    WHERE r.done_at IS NULL AND r.deadline < ${today}::date AND a.lifecycle <> 'CLOSED'
    ORDER BY r.deadline, r.id`;
}

const alertWhere = (roots: string[], filter: Pick<AlertFilter, 'kind' | 'acknowledged'>): Prisma.AlertWhereInput => ({
  account: { agency: agencyInSubtrees(roots) },
  ...(filter.kind === 'ALL' ? {} : { kind: filter.kind }),
  ...(filter.acknowledged ? {} : { acknowledgedAt: null }),
});

/** Alerts of accounts in the subtrees of `roots`, newest first. */
export async function listAlertsPage(
  db: Db,
  roots: string[],
  filter: AlertFilter,
  pageSize: number,
): Promise<{ items: AlertItemDto[]; total: number }> {
  const where = alertWhere(roots, filter);
  const [rows, total] = await Promise.all([
    db.alert.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (filter.page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        kind: true,
        details: true,
        createdAt: true,
        acknowledgedAt: true,
        acknowledgedById: true,
        account: { select: { id: true, displayName: true, platformCode: true, agency: { select: { name: true } } } },
      },
    }),
    db.alert.count({ where }),
  ]);
  const userIds = [...new Set(rows.flatMap((r) => (r.acknowledgedById ? [r.acknowledgedById] : [])))];
  const users = userIds.length
    ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  const items = rows.map((r) => {
    const details = alertDetailsSchema.safeParse({ ...(r.details as object), kind: r.kind });
    return {
      id: r.id,
      kind: r.kind,
      accountId: r.account.id,
      accountName: r.account.displayName,
      platformCode: r.account.platformCode,
      agencyName: r.account.agency.name,
      createdAt: r.createdAt.toISOString(),
      acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
      acknowledgedByName: r.acknowledgedById ? (names.get(r.acknowledgedById) ?? null) : null,
      details: details.success ? details.data : null,
    };
  });
  return { items, total };
}

export async function countOpenAlerts(db: Db, roots: string[]): Promise<number> {
  if (roots.length === 0) return 0;
  return db.alert.count({ where: alertWhere(roots, { kind: 'ALL', acknowledged: false }) });
}

export async function listAlertScopes(db: Db, ids: string[]): Promise<AlertScopeRow[]> {
  const rows = await db.alert.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      acknowledgedAt: true,
      acknowledgedById: true,
      account: { select: { agency: { select: { id: true, ancestorIds: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    acknowledgedAt: r.acknowledgedAt,
    acknowledgedById: r.acknowledgedById,
    agency: r.account.agency,
  }));
}

/** Acknowledges the alerts that are still open; returns how many were. */
export async function setAlertsAcknowledged(db: Db, ids: string[], userId: string, at: Date): Promise<number> {
  const result = await db.alert.updateMany({
    where: { id: { in: ids }, acknowledgedAt: null },
    data: { acknowledgedAt: at, acknowledgedById: userId },
  });
  return result.count;
}
