import type { Db } from '@/lib/db/types';
import { issueDocumentNumber } from '@/lib/data/document-numbers';
import { exportDocumentSchema, type ExportDocument } from '@/lib/schemas/export-document';

/** A period with no result to report (nothing inspected) is not a document an office numbers. */
export const isEmptyPeriod = (d: ExportDocument) => d.accounts.length === 0 && d.insufficientData.length === 0;

/**
 * Gives an exported notice or annual report its 发文字号: the issuing agency's next number of the kind and year, or
 * the number its period already has. An empty period keeps none.
 */
export async function issueDocumentNumberFor(
  db: Db,
  d: ExportDocument,
  issuedById: string | null,
  now: Date,
): Promise<ExportDocument> {
  if (isEmptyPeriod(d)) return d;
  const sequence = await issueDocumentNumber(
    db,
    { agencyId: d.agency.id, kind: d.kind, year: d.reference.year, periodCode: d.period.code },
    issuedById,
    now,
  );
  return exportDocumentSchema.parse({ ...d, reference: { ...d.reference, sequence } });
}
