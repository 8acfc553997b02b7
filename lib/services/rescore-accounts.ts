import type { PrismaClient } from '@/lib/db/types';
import { findInspectionForRun } from '@/lib/data/inspection-run';
import { findStoredDuplicateShares } from '@/lib/data/scoring-inputs';
import { readEdition } from '@/lib/scoring';
import { loadScoringContext } from './scoring-context';
import { scoreAccountBatch } from './score-account-batch';

/** Re-scores single accounts of finished inspections after a review, reusing the stored 同质化 share. */
export async function rescoreAccounts({
  db,
  targets,
  now,
}: {
  db: PrismaClient;
  targets: Array<{ inspectionId: string; accountId: string }>;
  now: Date;
}): Promise<number> {
  const byInspection = new Map<string, string[]>();
  for (const t of targets) byInspection.set(t.inspectionId, [...(byInspection.get(t.inspectionId) ?? []), t.accountId]);
  let count = 0;
  for (const [inspectionId, accountIds] of byInspection) {
    const inspection = await findInspectionForRun(db, inspectionId);
    if (!inspection || inspection.status !== 'DONE') continue;
    const edition = readEdition(inspection.edition.catalogue);
    const { ctx, contextFor, decisions } = await loadScoringContext(db, edition, inspection.monitoringAt, accountIds);
    const duplicateShares = await findStoredDuplicateShares(db, inspectionId, accountIds);
    const scores = await scoreAccountBatch({
      db,
      inspectionId,
      editionId: inspection.edition.id,
      edition,
      ctx,
      contextFor,
      decisions,
      accountIds,
      duplicateShares,
      now,
    });
    count += scores.length;
  }
  return count;
}
