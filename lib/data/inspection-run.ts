import type { Db } from '@/lib/db/types';
import { inChunks } from './chunks';
import type { Prisma } from '@/lib/db/generated/client';

export async function findInspectionForRun(db: Db, id: string) {
  return db.inspection.findUnique({
    where: { id },
    select: {
      id: true, monitoringAt: true, scope: true, sampleRatio: true, sampleSeed: true, status: true,
      scopeAgencyId: true, edition: { select: { id: true, code: true, catalogue: true } },
    },
  });
}

/** Accounts registered in the subtree and open at `at` (closed later still count), ordered by id. */
export async function listInspectableAccountIds(db: Db, scopeAgencyId: string, at: Date): Promise<string[]> {
  const rows = await db.account.findMany({
    where: {
      agency: { OR: [{ id: scopeAgencyId }, { ancestorIds: { has: scopeAgencyId } }] },
      AND: [
        { OR: [{ openedAt: null }, { openedAt: { lte: at } }] },
        { OR: [{ closedAt: null }, { closedAt: { gt: at } }] },
      ],
    },
    orderBy: { id: 'asc' },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export async function setInspectionStatus(db: Db, id: string, status: 'RUNNING' | 'DONE' | 'FAILED', at: Date, errorMessage: string | null = null) {
  await db.inspection.update({
    where: { id },
    data: { status, errorMessage, ...(status === 'RUNNING' ? {} : { finishedAt: at }) },
  });
}

export type ScoreRow = {
  result: 'PASS' | 'FAIL_SCORE' | 'FAIL_VETO' | 'AT_RISK' | 'INSUFFICIENT_DATA';
  total: number;
  bonus: number;
  breakdown: Prisma.InputJsonValue;
  vetoCodes: string[];
  pendingVetoCodes: string[];
  coverage: Prisma.InputJsonValue;
  inputHash: string;
};

export type FindingRow = Omit<Prisma.FindingCreateManyInput, 'inspectionId' | 'accountId' | 'scoreId' | 'editionId' | 'id' | 'createdAt'>;

/**
 * Stores one account's score in an inspection. Findings are matched by fingerprint, so re-scoring after a
 * review keeps their ids and the rectifications attached to them; findings that disappeared are removed.
 */
export async function replaceAccountScore(
  db: Db,
  ids: { inspectionId: string; accountId: string; editionId: string },
  score: ScoreRow,
  findings: FindingRow[],
  computedAt: Date,
): Promise<void> {
  const saved = await db.score.upsert({
    where: { inspectionId_accountId: { inspectionId: ids.inspectionId, accountId: ids.accountId } },
    create: { ...ids, ...score, computedAt },
    update: { ...score, editionId: ids.editionId, computedAt },
    select: { id: true },
  });
  const existing = await db.finding.findMany({ where: { inspectionId: ids.inspectionId, accountId: ids.accountId }, select: { id: true, fingerprint: true } });
  const incoming = new Map(findings.map((f) => [f.fingerprint, f]));
  const stale = existing.filter((e) => !incoming.has(e.fingerprint)).map((e) => e.id);
  if (stale.length) await db.finding.deleteMany({ where: { id: { in: stale } } });
  for (const e of existing) {
    const next = incoming.get(e.fingerprint);
    if (next) await db.finding.update({ where: { id: e.id }, data: { ...next, scoreId: saved.id, editionId: ids.editionId } });
  }
  const known = new Set(existing.map((e) => e.fingerprint));
  const fresh = findings.filter((f) => !known.has(f.fingerprint));
  if (fresh.length) await db.finding.createMany({ data: fresh.map((f) => ({ ...f, ...ids, scoreId: saved.id })), skipDuplicates: true });
}

/** Review decisions already taken on findings of these accounts, latest first wins: they carry over by fingerprint. */
export async function listReviewDecisions(db: Db, accountIds: string[]) {
  const rows = await inChunks(accountIds, (ids) =>
    db.finding.findMany({
      where: { accountId: { in: ids }, reviewedAt: { not: null } },
      orderBy: { reviewedAt: 'asc' },
      select: { fingerprint: true, status: true, reviewReason: true, reviewedById: true, reviewedAt: true },
    }),
  );
  rows.sort((a, b) => (a.reviewedAt?.getTime() ?? 0) - (b.reviewedAt?.getTime() ?? 0));
  return new Map(rows.map((r) => [r.fingerprint, r]));
}

/** Inspections registered from the dashboard that no worker has picked up yet. */
export async function listPendingInspectionIds(db: Db, limit = 50): Promise<string[]> {
  const rows = await db.inspection.findMany({ where: { status: 'PENDING' }, orderBy: { createdAt: 'asc' }, take: limit, select: { id: true } });
  return rows.map((r) => r.id);
}
