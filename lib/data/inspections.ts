import type { Db } from '@/lib/db/types';
import type { InspectionListItem } from '@/lib/schemas/inspection';
import { agencyInSubtrees } from './overview';

export async function listInspectionsPage(
  db: Db,
  roots: string[],
  page: number,
  pageSize: number,
): Promise<{ items: Array<Omit<InspectionListItem, 'awaitingRead' | 'settlesAutomatically'>>; total: number }> {
  const where = { scopeAgency: agencyInSubtrees(roots) };
  const [rows, total] = await Promise.all([
    db.inspection.findMany({
      where,
      orderBy: [{ monitoringAt: 'desc' }, { createdAt: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        name: true,
        monitoringAt: true,
        scope: true,
        sampleRatio: true,
        status: true,
        createdAt: true,
        progressDone: true,
        progressTotal: true,
        scopeAgency: { select: { name: true } },
        edition: { select: { code: true, name: true } },
      },
    }),
    db.inspection.count({ where }),
  ]);
  // Per-inspection counts come from the tally the score triggers keep (migration inspection_tally).
  const counts = await db.inspectionTally.groupBy({
    by: ['inspectionId', 'result'],
    where: { inspectionId: { in: rows.map((r) => r.id) } },
    _sum: { n: true },
  });
  const countOf = (id: string, result?: string) =>
    counts
      .filter((c) => c.inspectionId === id && (!result || c.result === result))
      .reduce((n, c) => n + (c._sum.n ?? 0), 0);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      monitoringAt: r.monitoringAt.toISOString(),
      scopeAgencyName: r.scopeAgency.name,
      scope: r.scope,
      sampleRatio: r.sampleRatio,
      editionCode: r.edition.code,
      editionName: r.edition.name,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      accounts: countOf(r.id),
      passed: countOf(r.id, 'PASS'),
      vetoed: countOf(r.id, 'FAIL_VETO'),
      atRisk: countOf(r.id, 'AT_RISK'),
      insufficient: countOf(r.id, 'INSUFFICIENT_DATA'),
      progressDone: r.progressDone,
      progressTotal: r.progressTotal,
    })),
  };
}

export async function createInspectionRow(
  db: Db,
  data: {
    name: string;
    monitoringAt: Date;
    scopeAgencyId: string;
    scope: 'TREE' | 'SAMPLE';
    sampleRatio: number | null;
    sampleSeed: number | null;
    editionId: string;
    createdById: string | null;
  },
) {
  return db.inspection.create({ data, select: { id: true } });
}

export async function listEditionCodes(db: Db) {
  // Drafts can still change, so only published editions may score an inspection. The edition in force (the latest
  // published) comes first: forms preselect it.
  return db.indicatorEdition.findMany({
    where: { status: 'PUBLISHED' },
    orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
    select: { code: true, name: true },
  });
}

/**
 * Agencies an inspection can be scoped to: the scope roots and the supervising units below them. `parentId` is the
 * nearest ancestor in this list (null for a root), so a tree picker shows them as a tree even where a
 * non-supervising unit lies between two of them.
 */
export async function listInspectableAgencies(db: Db, roots: string[]) {
  const rows = await db.agency.findMany({
    where: {
      isActive: true,
      OR: [{ id: { in: roots } }, { isSupervisingUnit: true, ancestorIds: { hasSome: roots } }],
    },
    orderBy: [{ level: 'asc' }, { name: 'asc' }],
    take: 500,
    select: { id: true, name: true, level: true, ancestorIds: true },
  });
  const listed = new Set(rows.map((r) => r.id));
  return rows.map(({ ancestorIds, ...a }) => ({
    ...a,
    parentId: ancestorIds.findLast((id) => listed.has(id)) ?? null,
  }));
}

/** Monitoring time of the oldest inspection: for a demo database, the moment the demo province was generated at. */
export async function findFirstMonitoringAt(db: Db): Promise<Date | null> {
  const row = await db.inspection.findFirst({ orderBy: [{ createdAt: 'asc' }], select: { monitoringAt: true } });
  return row?.monitoringAt ?? null;
}
