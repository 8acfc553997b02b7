import { exportDocumentSchema, type ExportAssessment, type ExportDocument } from '@/lib/schemas/export-document';
import { computeAnnualAssessment, type AnnualAssessmentView } from './compute-annual-assessment';
import { loadExportDocument, type LoadExportArgs } from './load-export-document';

export const toExportAssessment = (view: AnnualAssessmentView): ExportAssessment => ({
  assessment: view.assessment,
  supervisingOffice: view.supervisingOffice,
  children: view.children,
});

/**
 * The annual assessment report (年度考核报告) of an agency subtree, quarter by quarter, e.g. for 2026, opening with the
 * annual supervision assessment (A0–A5) exactly as computeAnnualAssessment gives it (the assessment page shows the
 * same). A caller that already computed the assessment (the province-wide ZIP) passes it in.
 */
export async function buildAnnualReport(
  args: LoadExportArgs & { assessment?: AnnualAssessmentView },
): Promise<ExportDocument> {
  const doc = await loadExportDocument('annual', args);
  const view =
    args.assessment ??
    (await computeAnnualAssessment({
      access: args.access,
      unitId: args.agencyId,
      year: doc.reference.year,
      now: args.now,
      db: args.db,
    }));
  return exportDocumentSchema.parse({ ...doc, assessment: toExportAssessment(view) });
}
