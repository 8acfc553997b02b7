import type { Db } from '@/lib/db/types';

export type IssuingAgencyDto = { id: string; name: string; shortName: string | null; supervisingOffice: string | null };

/** The exported agency with what its documents print: short name (发文字号) and its supervising office (版头, 落款). */
export async function findIssuingAgency(db: Db, id: string): Promise<IssuingAgencyDto | null> {
  const agency = await db.agency.findUnique({ where: { id }, select: { id: true, name: true, shortName: true } });
  if (!agency) return null;
  const office = await db.agency.findFirst({
    where: { parentId: id, isSupervisingUnit: true, isActive: true },
    orderBy: { name: 'asc' },
    select: { name: true },
  });
  return { ...agency, supervisingOffice: office?.name ?? null };
}

export type DocumentNumberKey = { agencyId: string; kind: string; year: number; periodCode: string };

/**
 * The sequence of the period's document, taking the next one of (agency, kind, year) on first issue. The insert
 * computes max + 1 itself and skips on either unique key, so two exports at once get two numbers, or one number for
 * one period; a lost race on the sequence is retried.
 */
export async function issueDocumentNumber(
  db: Db,
  key: DocumentNumberKey,
  issuedById: string | null,
  issuedAt: Date,
): Promise<number> {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const existing = await db.documentNumber.findUnique({
      where: { agencyId_kind_periodCode: { agencyId: key.agencyId, kind: key.kind, periodCode: key.periodCode } },
      select: { sequence: true },
    });
    if (existing) return existing.sequence;
    const inserted = await db.$queryRaw<Array<{ sequence: number }>>`
      INSERT INTO document_number (id, agency_id, kind, year, sequence, period_code, issued_by_id, issued_at)
      SELECT gen_random_uuid(), ${key.agencyId}::uuid, ${key.kind}, ${key.year}, COALESCE(MAX(sequence), 0) + 1, ${key.periodCode}, ${issuedById}, ${issuedAt}
      FROM document_number WHERE agency_id = ${key.agencyId}::uuid AND kind = ${key.kind} AND year = ${key.year}
      ON CONFLICT DO NOTHING
      RETURNING sequence`;
    const row = inserted[0];
    if (row) return row.sequence;
  }
  throw new Error(`No document number for ${key.kind} ${key.periodCode}: too many concurrent issues`);
}
