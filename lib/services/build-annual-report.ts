import type { ExportDocument } from '@/lib/schemas/export-document';
import { loadExportDocument, type LoadExportArgs } from './load-export-document';

/** The annual assessment report (年度考核报告) of an agency subtree, quarter by quarter, e.g. for 2026. */
export async function buildAnnualReport(args: LoadExportArgs): Promise<ExportDocument> {
  return loadExportDocument('annual', args);
}
