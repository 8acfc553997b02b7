import type { Db } from '@/lib/db/types';

/** A stored score of one account, as read for the figures reader (lib/services/figures/score.ts). */
export type AccountScoreRowDto = {
  scoreId: string;
  inspectionId: string;
  inspectionName: string;
  monitoringAt: string;
  editionCode: string;
  editionName: string;
  vetoScore: number | null;
  result: string;
  total: number;
  bonus: number;
  breakdown: unknown;
  vetoCodes: string[];
  pendingVetoCodes: string[];
  coverage: unknown;
};

/** The account's scores of finished inspections, latest monitoring date first (the newest computation of each). */
export async function listAccountScores(db: Db, accountId: string, limit = 20): Promise<AccountScoreRowDto[]> {
  const rows = await db.score.findMany({
    where: { accountId, inspection: { status: 'DONE' } },
    orderBy: [{ inspection: { monitoringAt: 'desc' } }, { computedAt: 'desc' }],
    take: limit,
    select: {
      id: true,
      inspectionId: true,
      result: true,
      total: true,
      bonus: true,
      breakdown: true,
      vetoCodes: true,
      pendingVetoCodes: true,
      coverage: true,
      editionId: true,
      inspection: { select: { name: true, monitoringAt: true } },
      edition: { select: { code: true, name: true } },
    },
  });
  const vetoScores = await listEditionVetoScores(db, [...new Set(rows.map((r) => r.editionId))]);
  return rows.map((r) => ({
    scoreId: r.id,
    inspectionId: r.inspectionId,
    inspectionName: r.inspection.name,
    monitoringAt: r.inspection.monitoringAt.toISOString(),
    editionCode: r.edition.code,
    editionName: r.edition.name,
    vetoScore: vetoScores.get(r.editionId) ?? null,
    result: r.result,
    total: r.total,
    bonus: r.bonus,
    breakdown: r.breakdown,
    vetoCodes: r.vetoCodes,
    pendingVetoCodes: r.pendingVetoCodes,
    coverage: r.coverage,
  }));
}

/** Each edition's veto score (the cap of a vetoed account's reported score), read from its stored catalogue. */
export async function listEditionVetoScores(db: Db, editionIds: string[]): Promise<Map<string, number>> {
  if (editionIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ id: string; vetoScore: number | null }>>`
    SELECT id, (catalogue->>'vetoScore')::float8 AS "vetoScore" FROM indicator_edition WHERE id = ANY(${editionIds}::uuid[])`;
  return new Map(rows.flatMap((r) => (r.vetoScore === null ? [] : [[r.id, r.vetoScore] as const])));
}

/**
 * Per score and indicator, what its findings add up to (dismissed ones and vetoes excluded, as the scorer sums
 * them), so a capped indicator can show the sum beside the cap.
 */
export async function sumScoreFindingPoints(
  db: Db,
  scoreIds: string[],
): Promise<Array<{ scoreId: string; indicatorCode: string; points: number }>> {
  if (scoreIds.length === 0) return [];
  return db.$queryRaw<Array<{ scoreId: string; indicatorCode: string; points: number }>>`
    SELECT score_id AS "scoreId", indicator_code AS "indicatorCode", sum(points)::float8 AS points
    FROM finding WHERE score_id = ANY(${scoreIds}::uuid[]) AND status <> 'DISMISSED' AND NOT is_veto
    GROUP BY score_id, indicator_code`;
}
