import { canAccessAgency, EXPORT_ROLES, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { findAgencyNode } from '@/lib/data/agencies';
import { findIssuingAgency } from '@/lib/data/document-numbers';
import { listPeriodInspections, listPeriodLatestScores, listScoreFindings } from '@/lib/data/exports';
import { AppError, notFound } from '@/lib/errors';
import { assembleExportDocument } from '@/lib/export/assemble-document';
import { exportPeriod } from '@/lib/export/period';
import { NATIONAL_2019 } from '@/lib/scoring';
import type { ExportKind } from '@/lib/schemas/export';
import type { ExportDocument } from '@/lib/schemas/export-document';
import { shanghaiDay } from '@/lib/time';

export type LoadExportArgs = { access: Access; agencyId: string; period: string; now: Date; db?: Db };

/**
 * Gathers the stored scores, findings and rectifications of an agency subtree for a period into the export
 * document model. The agency must lie in the caller's export scope; anything else answers "not found".
 */
export async function loadExportDocument(
  kind: ExportKind,
  { access, agencyId, period, now, db = getDb() }: LoadExportArgs,
): Promise<ExportDocument> {
  const agency = await findAgencyNode(db, agencyId);
  if (!agency || !canAccessAgency(access, EXPORT_ROLES, agency)) throw notFound('agency');
  const range = exportPeriod(kind, period);
  if (!range) throw new AppError('VALIDATION', 'periodMismatch', { params: { period, kind }, field: 'period' });
  const [issuing, inspections, scores] = await Promise.all([
    findIssuingAgency(db, agency.id),
    listPeriodInspections(db, agency.id, range.from, range.to),
    listPeriodLatestScores(db, agency.id, range.from, range.to),
  ]);
  const findings = await listScoreFindings(
    db,
    scores.map((s) => s.scoreId),
  );
  return assembleExportDocument({
    kind,
    period: range,
    agency: { id: agency.id, name: agency.name },
    issuer: { shortName: issuing?.shortName ?? agency.name, office: issuing?.supervisingOffice ?? agency.name },
    now,
    today: shanghaiDay(now),
    inspections,
    // Catalogues are zod-validated when stored, so a missing veto score only happens on hand-edited rows.
    scores: scores.map((s) => ({ ...s, vetoScore: s.vetoScore ?? NATIONAL_2019.vetoScore })),
    findings,
  });
}
