import type { PrismaClient } from '@/lib/db/types';
import { findAgenciesByCodes, listRootAgencyIds } from '@/lib/data/agencies';
import { AppError } from '@/lib/errors';
import { shanghaiDay } from '@/lib/time';
import { createInspection } from './create-inspection';
import { getEditionInForce } from './get-edition-in-force';

/**
 * Registers a TREE inspection at `monitoringAt` over an agency (by code, or the single root agency), scored with the
 * given edition or else the edition in force (the latest published). Used by the daily schedule and `xunjian score`.
 */
export async function startInspection({
  db,
  monitoringAt,
  scopeAgencyCode,
  editionCode,
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
      editionCode: editionCode ?? (await getEditionInForce({ db })).code,
    },
  });
  return { inspectionId: row.id, scopeAgencyId };
}

async function resolveScope(db: PrismaClient, code: string | undefined): Promise<string> {
  if (code) {
    const id = (await findAgenciesByCodes(db, [code])).get(code)?.id;
    if (!id) throw new AppError('NOT_FOUND', 'noAgencyWithCode', { params: { code } });
    return id;
  }
  const roots = await listRootAgencyIds(db);
  if (roots.length !== 1 || !roots[0])
    throw new AppError('VALIDATION', 'rootAmbiguous', { params: { count: roots.length } });
  return roots[0];
}
