import type { Db } from '@/lib/db/types';
import type { AnnualFacts, AnnualRectificationFact, AnnualScoreFact } from '@/lib/scoring/annual';
import { dateToDay, dayToDate } from '@/lib/time';
import { inChunks } from './chunks';

export type AssessmentUnitDto = {
  id: string;
  name: string;
  level: string;
  parentId: string | null;
  ancestorIds: string[];
  isSupervisingUnit: boolean;
};

const unitSelect = {
  id: true,
  name: true,
  level: true,
  parentId: true,
  ancestorIds: true,
  isSupervisingUnit: true,
} as const;
const inSubtree = (id: string) => ({ OR: [{ id }, { ancestorIds: { has: id } }] });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function findAssessmentUnit(db: Db, id: string): Promise<AssessmentUnitDto | null> {
  return db.agency.findUnique({ where: { id }, select: unitSelect });
}

export async function listAssessmentUnitsById(db: Db, ids: string[]): Promise<AssessmentUnitDto[]> {
  if (ids.length === 0) return [];
  const rows = await db.agency.findMany({ where: { id: { in: ids } }, select: unitSelect });
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}

/** The active direct children of a unit (the next level, ranked on the assessment page). */
export async function listChildUnits(db: Db, parentId: string): Promise<AssessmentUnitDto[]> {
  return db.agency.findMany({ where: { parentId, isActive: true }, orderBy: [{ name: 'asc' }], select: unitSelect });
}

/** The supervising office (e.g. 县政府办公室) among a region's direct children, when one is flagged. */
export async function findSupervisingOffice(db: Db, parentId: string): Promise<string | null> {
  const row = await db.agency.findFirst({
    where: { parentId, isSupervisingUnit: true, isActive: true },
    orderBy: { name: 'asc' },
    select: { name: true },
  });
  return row?.name ?? null;
}

/**
 * Region units of a tree (the root, then provinces, cities, counties and townships below it, shallowest first):
 * each is assessed over its own tree in the province-wide ZIP. At most `limit + 1` rows, so callers can refuse more.
 */
export async function listRegionUnits(db: Db, rootId: string, limit: number): Promise<AssessmentUnitDto[]> {
  const rows = await db.agency.findMany({
    where: {
      isActive: true,
      OR: [{ id: rootId }, { ancestorIds: { has: rootId }, level: { in: ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP'] } }],
    },
    select: unitSelect,
  });
  return rows
    .sort((a, b) =>
      a.id === rootId
        ? -1
        : b.id === rootId
          ? 1
          : a.ancestorIds.length - b.ancestorIds.length || a.name.localeCompare(b.name, 'zh-CN'),
    )
    .slice(0, limit + 1);
}

/**
 * The stored facts of a unit's tree for a Beijing year [from, to): its accounts (not closed before the year), the
 * finished inspections monitored in the year scoped at the unit, an ancestor or a descendant, their scores of the
 * tree's accounts, and the rectifications of confirmed findings on the tree due in the year.
 */
export async function loadAnnualFacts(
  db: Db,
  unit: { id: string; name: string; ancestorIds: string[] },
  year: number,
  from: Date,
  to: Date,
): Promise<AnnualFacts> {
  const accountRows = await db.account.findMany({
    where: { agency: inSubtree(unit.id), OR: [{ closedAt: null }, { closedAt: { gte: from } }] },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      displayName: true,
      platformCode: true,
      agencyId: true,
      openedAt: true,
      closedAt: true,
      createdAt: true,
      isRegistered: true,
      agency: { select: { name: true, ancestorIds: true } },
    },
  });
  const inspectionRows = await db.inspection.findMany({
    where: {
      status: 'DONE',
      monitoringAt: { gte: from, lt: to },
      OR: [
        { scopeAgencyId: { in: [unit.id, ...unit.ancestorIds] } },
        { scopeAgency: { ancestorIds: { has: unit.id } } },
      ],
    },
    orderBy: [{ monitoringAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      name: true,
      monitoringAt: true,
      scope: true,
      sampleRatio: true,
      scopeAgencyId: true,
      noticePublishedAt: true,
      scopeAgency: { select: { name: true } },
    },
  });
  const accountIds = accountRows.map((a) => a.id);
  const inspectionIds = inspectionRows.map((i) => i.id);
  const scores =
    inspectionIds.length === 0
      ? []
      : await inChunks(accountIds, async (ids) => {
          const rows = await db.score.findMany({
            where: { accountId: { in: ids }, inspectionId: { in: inspectionIds } },
            select: {
              inspectionId: true,
              accountId: true,
              result: true,
              vetoCodes: true,
              pendingVetoCodes: true,
              computedAt: true,
            },
          });
          return rows.map((r): AnnualScoreFact => ({
            inspectionId: r.inspectionId,
            accountId: r.accountId,
            result: r.result,
            vetoCodes: r.vetoCodes,
            pendingVetoCodes: r.pendingVetoCodes,
            computedAt: r.computedAt.toISOString(),
          }));
        });
  const rectificationRows = await db.rectification.findMany({
    where: {
      agency: inSubtree(unit.id),
      deadline: { gte: dayToDate(`${year}-01-01`), lt: dayToDate(`${year + 1}-01-01`) },
      finding: { status: { in: ['CONFIRMED', 'RECTIFIED'] } },
    },
    orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      findingId: true,
      deadline: true,
      doneAt: true,
      finding: { select: { accountId: true, indicatorCode: true, ruleId: true } },
    },
  });
  return {
    unit: { id: unit.id, name: unit.name, ancestorIds: unit.ancestorIds },
    year,
    accounts: accountRows.map((a) => ({
      id: a.id,
      name: a.displayName,
      platformCode: a.platformCode,
      agencyId: a.agencyId,
      agencyName: a.agency.name,
      agencyPath: [...a.agency.ancestorIds, a.agencyId],
      openedAt: iso(a.openedAt),
      closedAt: iso(a.closedAt),
      createdAt: a.createdAt.toISOString(),
      isRegistered: a.isRegistered,
    })),
    inspections: inspectionRows.map((i) => ({
      id: i.id,
      name: i.name,
      monitoringAt: i.monitoringAt.toISOString(),
      scope: i.scope,
      sampleRatio: i.sampleRatio,
      scopeAgencyId: i.scopeAgencyId,
      scopeAgencyName: i.scopeAgency.name,
      noticePublishedAt: iso(i.noticePublishedAt),
    })),
    scores,
    rectifications: rectificationRows.map((r): AnnualRectificationFact => ({
      id: r.id,
      findingId: r.findingId,
      accountId: r.finding.accountId,
      indicatorCode: r.finding.indicatorCode,
      ruleId: r.finding.ruleId,
      deadline: dateToDay(r.deadline),
      doneAt: iso(r.doneAt),
    })),
  };
}

export type NoticeInspectionDto = {
  id: string;
  name: string;
  status: string;
  noticePublishedAt: Date | null;
  monitoringAt: Date;
  scopeAgency: { id: string; ancestorIds: string[] };
};

export async function findNoticeInspection(db: Db, id: string): Promise<NoticeInspectionDto | null> {
  return db.inspection.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      status: true,
      noticePublishedAt: true,
      monitoringAt: true,
      scopeAgency: { select: { id: true, ancestorIds: true } },
    },
  });
}

/** Records when an inspection's notice (通报) was issued (印发); A2 reads it. */
export async function setNoticePublishedAt(db: Db, id: string, at: Date): Promise<void> {
  await db.inspection.update({ where: { id }, data: { noticePublishedAt: at } });
}

/** The scope agency (with its ancestry) of each inspection: who may mark its notice as issued. */
export async function listInspectionScopes(
  db: Db,
  ids: string[],
): Promise<Array<{ id: string; scopeAgency: { id: string; ancestorIds: string[] } }>> {
  if (ids.length === 0) return [];
  return db.inspection.findMany({
    where: { id: { in: ids }, status: 'DONE' },
    select: { id: true, scopeAgency: { select: { id: true, ancestorIds: true } } },
  });
}
