import { canAccessAgency, READ_ROLES, type Access } from '@/lib/access';
import { getReadDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { findAccountHeader } from '@/lib/data/account-detail';
import { listAccountScores, sumScoreFindingPoints, type AccountScoreRowDto } from '@/lib/data/account-scores';
import { notFound } from '@/lib/errors';
import { deductionFigures, type DeductionFigure } from './figures/deductions';
import { readScoreFigures, type ScoreFigures } from './figures/score';

/** One inspection's score of an account: the figures every surface shows, and its deductions per indicator. */
export type AccountScoreItem = Pick<
  AccountScoreRowDto,
  'scoreId' | 'inspectionId' | 'inspectionName' | 'monitoringAt' | 'editionCode' | 'editionName'
> &
  ScoreFigures & {
    deductions: DeductionFigure[];
  };

/** The account's scores of finished inspections (latest first) read through the figures reader. */
export async function loadAccountScoreItems(db: Db, accountId: string): Promise<AccountScoreItem[]> {
  const rows = await listAccountScores(db, accountId);
  const sums = await sumScoreFindingPoints(
    db,
    rows.map((r) => r.scoreId),
  );
  return rows.map((r) => {
    const figures = readScoreFigures(r);
    const raw = new Map(sums.filter((x) => x.scoreId === r.scoreId).map((x) => [x.indicatorCode, x.points]));
    return {
      scoreId: r.scoreId,
      inspectionId: r.inspectionId,
      inspectionName: r.inspectionName,
      monitoringAt: r.monitoringAt,
      editionCode: r.editionCode,
      editionName: r.editionName,
      ...figures,
      deductions: deductionFigures(figures.indicators, raw),
    };
  });
}

/** An account's scores for GET /api/accounts/{id}/scores; accounts outside the caller's scope are not found. */
export async function getAccountScores({
  access,
  accountId,
  db = getReadDb(),
}: {
  access: Access;
  accountId: string;
  db?: Db;
}) {
  const header = await findAccountHeader(db, accountId);
  if (!header || !canAccessAgency(access, READ_ROLES, header.agency)) throw notFound('account');
  return {
    accountId: header.id,
    displayName: header.displayName,
    agencyId: header.agency.id,
    scores: await loadAccountScoreItems(db, accountId),
  };
}
