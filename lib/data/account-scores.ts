import type { Db } from '@/lib/db/types';

export type AccountScoreRowDto = {
  inspectionId: string; inspectionName: string; monitoringAt: string; editionCode: string; result: string; total: number; bonus: number;
  vetoCodes: string[]; pendingVetoCodes: string[]; coveredDays: number | null; windowDays: number | null;
};

export async function listAccountScores(db: Db, accountId: string, limit = 20): Promise<AccountScoreRowDto[]> {
  const rows = await db.score.findMany({
    where: { accountId, inspection: { status: 'DONE' } },
    orderBy: [{ inspection: { monitoringAt: 'desc' } }, { computedAt: 'desc' }],
    take: limit,
    select: {
      inspectionId: true, result: true, total: true, bonus: true, vetoCodes: true, pendingVetoCodes: true, coverage: true,
      inspection: { select: { name: true, monitoringAt: true } }, edition: { select: { code: true } },
    },
  });
  const num = (c: unknown, k: string) => (c && typeof c === 'object' && k in c && typeof (c as Record<string, unknown>)[k] === 'number' ? ((c as Record<string, number>)[k] ?? null) : null);
  return rows.map((r) => ({
    inspectionId: r.inspectionId, inspectionName: r.inspection.name, monitoringAt: r.inspection.monitoringAt.toISOString(), editionCode: r.edition.code,
    result: r.result, total: r.total, bonus: r.bonus, vetoCodes: r.vetoCodes, pendingVetoCodes: r.pendingVetoCodes,
    coveredDays: num(r.coverage, 'coveredDays'), windowDays: num(r.coverage, 'windowDays'),
  }));
}
