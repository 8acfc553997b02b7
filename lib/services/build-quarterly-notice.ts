import type { ExportDocument } from '@/lib/schemas/export-document';
import { loadExportDocument, type LoadExportArgs } from './load-export-document';

/** The quarterly inspection notice (季度检查通报) of an agency subtree, e.g. for 2026Q3. */
export async function buildQuarterlyNotice(args: LoadExportArgs): Promise<ExportDocument> {
  return loadExportDocument('notice', args);
}
