import type { Db } from '@/lib/db/types';
import type { AlertKind } from '@/lib/schemas/alert';
import type { PlatformCode } from '@/lib/schemas/enums';
import { dateToDay } from '@/lib/time';
import { agencyInSubtrees } from './overview';

// Keyset pages for /api/v1 (docs/api.md): every list is ordered by id ascending. Ids are UUIDv7 (time-ordered and
// unique), so the order is stable, new rows land at the end, and a cursor (the last id seen) stays valid forever.
// One row more than asked tells whether there is a further page.

export type KeysetPage = { afterId?: string; limit: number };
type Page<T> = { rows: T[]; hasMore: boolean };

const keyset = (page: KeysetPage) => ({
  ...(page.afterId ? { id: { gt: page.afterId } } : {}),
});
const paged = <T>(rows: T[], limit: number): Page<T> => ({ rows: rows.slice(0, limit), hasMore: rows.length > limit });
const subtree = (agencyId: string | undefined) =>
  agencyId ? [{ agency: { OR: [{ id: agencyId }, { ancestorIds: { has: agencyId } }] } }] : [];
const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function listAgenciesKeyset(db: Db, roots: string[], filter: { parentId?: string }, page: KeysetPage) {
  const rows = await db.agency.findMany({
    where: {
      AND: [agencyInSubtrees(roots), keyset(page), ...(filter.parentId ? [{ parentId: filter.parentId }] : [])],
    },
    orderBy: { id: 'asc' },
    take: page.limit + 1,
    select: {
      id: true,
      parentId: true,
      name: true,
      shortName: true,
      level: true,
      code: true,
      regionCode: true,
      isSupervisingUnit: true,
      isActive: true,
    },
  });
  return paged(rows, page.limit);
}

export async function listAccountsKeyset(
  db: Db,
  roots: string[],
  filter: { agencyId?: string; platform?: PlatformCode },
  page: KeysetPage,
) {
  const rows = await db.account.findMany({
    where: {
      AND: [
        { agency: agencyInSubtrees(roots) },
        keyset(page),
        ...subtree(filter.agencyId),
        ...(filter.platform ? [{ platformCode: filter.platform }] : []),
      ],
    },
    orderBy: { id: 'asc' },
    take: page.limit + 1,
    select: {
      id: true,
      agencyId: true,
      platformCode: true,
      handle: true,
      displayName: true,
      url: true,
      lifecycle: true,
      filingStatus: true,
      filingNumber: true,
      isRegistered: true,
      lastPostAt: true,
      agency: { select: { name: true } },
    },
  });
  return paged(
    rows.map(({ agency, lastPostAt, ...r }) => ({ ...r, agencyName: agency.name, lastPostAt: iso(lastPostAt) })),
    page.limit,
  );
}

export async function listInspectionsKeyset(db: Db, roots: string[], filter: { agencyId?: string }, page: KeysetPage) {
  const rows = await db.inspection.findMany({
    where: {
      AND: [
        { scopeAgency: agencyInSubtrees(roots) },
        keyset(page),
        ...(filter.agencyId
          ? [{ scopeAgency: { OR: [{ id: filter.agencyId }, { ancestorIds: { has: filter.agencyId } }] } }]
          : []),
      ],
    },
    orderBy: { id: 'asc' },
    take: page.limit + 1,
    select: {
      id: true,
      name: true,
      monitoringAt: true,
      scope: true,
      sampleRatio: true,
      status: true,
      scopeAgencyId: true,
      createdAt: true,
      finishedAt: true,
      noticePublishedAt: true,
      scopeAgency: { select: { name: true } },
      edition: { select: { code: true } },
    },
  });
  return paged(
    rows.map(({ scopeAgency, edition, monitoringAt, createdAt, finishedAt, noticePublishedAt, ...r }) => ({
      ...r,
      scopeAgencyName: scopeAgency.name,
      editionCode: edition.code,
      monitoringAt: monitoringAt.toISOString(),
      createdAt: createdAt.toISOString(),
      finishedAt: iso(finishedAt),
      noticePublishedAt: iso(noticePublishedAt),
    })),
    page.limit,
  );
}

/** Stored scores of finished inspections, as the figures reader (lib/services/figures/score.ts) takes them. */
export async function listScoresKeyset(
  db: Db,
  roots: string[],
  filter: { inspectionId?: string; accountId?: string; agencyId?: string },
  page: KeysetPage,
) {
  const rows = await db.score.findMany({
    where: {
      AND: [
        { account: { agency: agencyInSubtrees(roots) } },
        { inspection: { status: 'DONE' } },
        keyset(page),
        ...(filter.inspectionId ? [{ inspectionId: filter.inspectionId }] : []),
        ...(filter.accountId ? [{ accountId: filter.accountId }] : []),
        ...(filter.agencyId
          ? [{ account: { agency: { OR: [{ id: filter.agencyId }, { ancestorIds: { has: filter.agencyId } }] } } }]
          : []),
      ],
    },
    orderBy: { id: 'asc' },
    take: page.limit + 1,
    select: {
      id: true,
      inspectionId: true,
      accountId: true,
      editionId: true,
      result: true,
      total: true,
      bonus: true,
      breakdown: true,
      vetoCodes: true,
      pendingVetoCodes: true,
      coverage: true,
      computedAt: true,
      inspection: { select: { monitoringAt: true } },
      account: { select: { displayName: true, agencyId: true } },
    },
  });
  return paged(rows, page.limit);
}

export async function listRectificationsKeyset(
  db: Db,
  roots: string[],
  filter: { state: 'OPEN' | 'DONE' | 'ALL' },
  page: KeysetPage,
) {
  const state =
    filter.state === 'OPEN' ? [{ doneAt: null }] : filter.state === 'DONE' ? [{ doneAt: { not: null } }] : [];
  const rows = await db.rectification.findMany({
    where: { AND: [{ agency: agencyInSubtrees(roots) }, keyset(page), ...state] },
    orderBy: { id: 'asc' },
    take: page.limit + 1,
    select: {
      id: true,
      findingId: true,
      agencyId: true,
      deadline: true,
      doneAt: true,
      note: true,
      createdAt: true,
      finding: { select: { indicatorCode: true, ruleId: true, accountId: true } },
      agency: { select: { name: true } },
    },
  });
  return paged(
    rows.map((r) => ({
      id: r.id,
      findingId: r.findingId,
      agencyId: r.agencyId,
      agencyName: r.agency.name,
      accountId: r.finding.accountId,
      indicatorCode: r.finding.indicatorCode,
      ruleId: r.finding.ruleId,
      deadline: dateToDay(r.deadline),
      doneAt: iso(r.doneAt),
      note: r.note,
      createdAt: r.createdAt.toISOString(),
    })),
    page.limit,
  );
}

export async function listAlertsKeyset(
  db: Db,
  roots: string[],
  filter: { kind?: AlertKind; acknowledged?: boolean },
  page: KeysetPage,
) {
  const acknowledged =
    filter.acknowledged === undefined ? [] : [{ acknowledgedAt: filter.acknowledged ? { not: null } : null }];
  const rows = await db.alert.findMany({
    where: {
      AND: [
        { account: { agency: agencyInSubtrees(roots) } },
        keyset(page),
        ...(filter.kind ? [{ kind: filter.kind }] : []),
        ...acknowledged,
      ],
    },
    orderBy: { id: 'asc' },
    take: page.limit + 1,
    select: {
      id: true,
      kind: true,
      accountId: true,
      details: true,
      createdAt: true,
      acknowledgedAt: true,
      account: {
        select: { displayName: true, platformCode: true, agencyId: true, agency: { select: { name: true } } },
      },
    },
  });
  return paged(
    rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      accountId: r.accountId,
      accountName: r.account.displayName,
      platformCode: r.account.platformCode,
      agencyId: r.account.agencyId,
      agencyName: r.account.agency.name,
      details: r.details,
      createdAt: r.createdAt.toISOString(),
      acknowledgedAt: iso(r.acknowledgedAt),
    })),
    page.limit,
  );
}
