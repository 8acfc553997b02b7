import { canAccessAgency, EXPORT_ROLES, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { findAgencyNode } from '@/lib/data/agencies';
import { notFound } from '@/lib/errors';
import type { RenderedExport } from '@/lib/export/render';
import { exportQuerySchema } from '@/lib/schemas/export';
import { exportReport } from './export-report';
import { decideExportRun, directExportLimit } from './measure-export-scopes';
import { startExportJob } from './start-export-job';

export type RequestedExport =
  { mode: 'direct'; file: RenderedExport } | { mode: 'job'; jobId: string; accounts: number; limit: number };

/**
 * An export asked for by an API caller: a scope within the direct limit is rendered now and returned; a larger one
 * is queued as an export job (the same row the exports page queues, run by the worker) and its id returned, so the
 * caller polls the job and downloads the file when it is ready. Scope first: outside it is not found, whatever its
 * size.
 */
export async function requestExport({
  access,
  query,
  now,
  db = getDb(),
  limit = directExportLimit(),
}: {
  access: Access;
  query: unknown;
  now: Date;
  db?: PrismaClient;
  limit?: number;
}): Promise<RequestedExport> {
  const q = exportQuerySchema.parse(query);
  const agency = await findAgencyNode(db, q.agencyId);
  if (!agency || !canAccessAgency(access, EXPORT_ROLES, agency)) throw notFound('agency');
  const run = await decideExportRun({ agencyId: q.agencyId, db, limit });
  if (run.mode === 'job') {
    const { id } = await startExportJob({ access, input: q, now, db });
    return { mode: 'job', jobId: id, accounts: run.accounts, limit };
  }
  return { mode: 'direct', file: await exportReport({ access, query: q, now, db, maxAccounts: limit }) };
}
