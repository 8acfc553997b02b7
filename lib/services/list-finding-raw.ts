import { canAccessAgency, READ_ROLES, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { listFindingEvidenceRuns, listRawOfRuns, type RunRawDto } from '@/lib/data/raw-archive';
import { notFound } from '@/lib/errors';

/**
 * The raw platform answers behind a finding (取证): those of the crawl run that took its snapshot, or of the runs that
 * first and last stored its post or comment. Each can be downloaded from GET /api/raw/<hash>. Empty when the evidence
 * came from before the archive, from a link check, or its answers were pruned.
 */
export async function listFindingRaw({
  access,
  findingId,
  db = getDb(),
}: {
  access: Access;
  findingId: string;
  db?: Db;
}): Promise<RunRawDto[]> {
  const evidence = /^[0-9a-f-]{36}$/i.test(findingId) ? await listFindingEvidenceRuns(db, findingId) : null;
  if (!evidence || !canAccessAgency(access, READ_ROLES, evidence.agency)) throw notFound('account');
  return listRawOfRuns(db, evidence.runIds);
}
