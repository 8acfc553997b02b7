import type { Db } from '@/lib/db/types';
import { excerptAround } from '@/lib/excerpt';
import { dateToDay } from '@/lib/time';
import { inChunks } from './chunks';
import { postField } from './findings';

export type PeriodScoreDto = {
  scoreId: string;
  accountId: string;
  accountName: string;
  platformCode: string;
  agencyName: string;
  isClosed: boolean;
  quarter: string;
  inspectionId: string;
  monitoringAt: string;
  editionCode: string;
  vetoScore: number | null;
  result: string;
  total: number;
  bonus: number;
  breakdown: unknown;
  vetoCodes: string[];
  pendingVetoCodes: string[];
  coverage: unknown;
};

type PeriodScoreRaw = Omit<PeriodScoreDto, 'monitoringAt'> & { monitoringAt: Date };

/**
 * Each account of the subtree's latest score per quarter (Asia/Shanghai) among the finished inspections
 * monitored in [from, to).
 */
export async function listPeriodLatestScores(
  db: Db,
  agencyId: string,
  from: Date,
  to: Date,
): Promise<PeriodScoreDto[]> {
  const rows = await db.$queryRaw<PeriodScoreRaw[]>`
    SELECT DISTINCT ON (s.account_id, quarter)
           s.id AS "scoreId", s.account_id AS "accountId", a.display_name AS "accountName", a.platform_code AS "platformCode",
           ag.name AS "agencyName", a.lifecycle = 'CLOSED' AS "isClosed",
           to_char(i.monitoring_at AT TIME ZONE 'Asia/Shanghai', 'YYYY"Q"Q') AS quarter,
           i.id AS "inspectionId", i.monitoring_at AS "monitoringAt", e.code AS "editionCode",
           (e.catalogue->>'vetoScore')::float8 AS "vetoScore",
           s.result::text AS result, s.total, s.bonus, s.breakdown, s.veto_codes AS "vetoCodes", s.pending_veto_codes AS "pendingVetoCodes", s.coverage
    FROM score s
    JOIN inspection i ON i.id = s.inspection_id AND i.status = 'DONE'
    JOIN indicator_edition e ON e.id = s.edition_id
    JOIN account a ON a.id = s.account_id
    JOIN agency ag ON ag.id = a.agency_id
    WHERE i.monitoring_at >= ${from} AND i.monitoring_at < ${to}
      AND (ag.id = ${agencyId}::uuid OR ag.ancestor_ids @> ARRAY[${agencyId}]::uuid[])
    ORDER BY s.account_id, quarter, i.monitoring_at DESC, s.computed_at DESC`;
  return rows.map((r) => ({ ...r, monitoringAt: r.monitoringAt.toISOString() }));
}

export type PeriodInspectionDto = {
  id: string;
  name: string;
  monitoringAt: string;
  scopeAgencyName: string;
  scope: 'TREE' | 'SAMPLE';
  sampleRatio: number | null;
  editionCode: string;
  editionName: string;
  accounts: number;
};

/** Finished inspections monitored in [from, to) that scored accounts of the subtree, with how many. */
export async function listPeriodInspections(
  db: Db,
  agencyId: string,
  from: Date,
  to: Date,
): Promise<PeriodInspectionDto[]> {
  const rows = await db.$queryRaw<Array<Omit<PeriodInspectionDto, 'monitoringAt'> & { monitoringAt: Date }>>`
    SELECT i.id, i.name, i.monitoring_at AS "monitoringAt", sa.name AS "scopeAgencyName", i.scope::text AS scope,
           i.sample_ratio AS "sampleRatio", e.code AS "editionCode", e.name AS "editionName", count(*)::int AS accounts
    FROM inspection i
    JOIN agency sa ON sa.id = i.scope_agency_id
    JOIN indicator_edition e ON e.id = i.edition_id
    JOIN score s ON s.inspection_id = i.id
    JOIN account a ON a.id = s.account_id
    JOIN agency ag ON ag.id = a.agency_id
    WHERE i.status = 'DONE' AND i.monitoring_at >= ${from} AND i.monitoring_at < ${to}
      AND (ag.id = ${agencyId}::uuid OR ag.ancestor_ids @> ARRAY[${agencyId}]::uuid[])
    GROUP BY i.id, sa.name, e.code, e.name
    ORDER BY i.monitoring_at`;
  return rows.map((r) => ({ ...r, monitoringAt: r.monitoringAt.toISOString() }));
}

export type ExportFindingDto = {
  id: string;
  scoreId: string;
  indicatorCode: string;
  ruleId: string;
  status: string;
  points: number;
  isVeto: boolean;
  sourceType: string;
  sourceUrl: string | null;
  sourcePublishedAt: string | null;
  excerpt: string | null;
  matchedText: string | null;
  rectification: { deadline: string; doneAt: string | null } | null;
};

/** Findings stored with these scores (dismissed ones left out), with an evidence excerpt and the rectification. */
export async function listScoreFindings(db: Db, scoreIds: string[]): Promise<ExportFindingDto[]> {
  return inChunks(scoreIds, async (slice) => {
    const rows = await db.finding.findMany({
      where: { scoreId: { in: slice }, status: { not: 'DISMISSED' } },
      orderBy: [{ indicatorCode: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        scoreId: true,
        indicatorCode: true,
        ruleId: true,
        status: true,
        points: true,
        isVeto: true,
        sourceType: true,
        sourceUrl: true,
        sourcePublishedAt: true,
        spanStart: true,
        spanEnd: true,
        matchedText: true,
        details: true,
        post: { select: { text: true, title: true, repostOfText: true } },
        comment: { select: { text: true } },
        rectification: { select: { deadline: true, doneAt: true } },
      },
    });
    return rows.map((r) => {
      const source =
        r.spanStart === null && r.matchedText
          ? r.matchedText
          : (r.comment?.text ?? (r.post ? postField(r.post, r.details) : null));
      return {
        id: r.id,
        scoreId: r.scoreId ?? '',
        indicatorCode: r.indicatorCode,
        ruleId: r.ruleId,
        status: r.status,
        points: r.points,
        isVeto: r.isVeto,
        sourceType: r.sourceType,
        sourceUrl: r.sourceUrl,
        sourcePublishedAt: r.sourcePublishedAt?.toISOString() ?? null,
        excerpt: source === null ? null : excerptAround(source, r.spanStart, r.spanEnd, 40).excerpt,
        matchedText: r.matchedText,
        rectification: r.rectification
          ? { deadline: dateToDay(r.rectification.deadline), doneAt: r.rectification.doneAt?.toISOString() ?? null }
          : null,
      };
    });
  });
}
