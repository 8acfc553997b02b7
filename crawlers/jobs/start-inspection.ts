import type { PrismaClient } from '@/lib/db/types';
import { mapAgencyIdsByCode } from '@/lib/data/account-import';
import { listRootAgencyIds } from '@/lib/data/agencies';
import { AppError } from '@/lib/errors';
import { createInspection } from '@/lib/services/create-inspection';
import { shanghaiDay } from '@/lib/time';

export const DEFAULT_EDITION_CODE = 'national-2019';

/** Registers a TREE inspection at `monitoringAt` over an agency (by code, or the single root agency). */
export async function runStartInspection({
  db,
  monitoringAt,
  scopeAgencyCode,
  editionCode = DEFAULT_EDITION_CODE,
  name,
}: {
  db: PrismaClient;
  monitoringAt: Date;
  scopeAgencyCode?: string;
  editionCode?: string;
  name?: string;
}): Promise<{ inspectionId: string; scopeAgencyId: string }> {
  const scopeAgencyId = await resolveScope(db, scopeAgencyCode);
  const row = await createInspection({
    access: null,
    db,
    input: {
      name: name ?? `巡检 ${shanghaiDay(monitoringAt)}${scopeAgencyCode ? ` ${scopeAgencyCode}` : ''}`,
      monitoringAt,
      scopeAgencyId,
      scope: 'TREE',
      editionCode,
    },
  });
  return { inspectionId: row.id, scopeAgencyId };
}

async function resolveScope(db: PrismaClient, code: string | undefined): Promise<string> {
  if (code) {
    const id = (await mapAgencyIdsByCode(db, [code])).get(code);
    if (!id) throw new AppError('NOT_FOUND', `No agency with code ${code}`);
    return id;
  }
  const roots = await listRootAgencyIds(db);
  if (roots.length !== 1 || !roots[0]) throw new AppError('VALIDATION', `Pass a scope agency code: found ${roots.length} root agencies`);
  return roots[0];
}
