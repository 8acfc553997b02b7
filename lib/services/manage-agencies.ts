import { ADMIN_ROLES, canAccessAgency, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { createAgency, findAgencyByCode, findAgencyNode } from '@/lib/data/agencies';
import { listAgencyTree } from '@/lib/data/agency-tree';
import { AppError } from '@/lib/errors';
import { createAgencyInputSchema, type CreateAgencyInput } from '@/lib/schemas/agency';
import { recordAudit } from './record-audit';

export async function listAdminAgencyTree({ access, db = getDb() }: { access: Access; db?: PrismaClient }) {
  return listAgencyTree(db, scopeRoots(access, ADMIN_ROLES));
}

/** Adds an agency under a parent inside the administrator's subtree; codes are unique. */
export async function addAgency({
  access,
  input,
  db = getDb(),
}: {
  access: Access;
  input: CreateAgencyInput | unknown;
  db?: PrismaClient;
}) {
  const data = createAgencyInputSchema.parse(input);
  const parent = await findAgencyNode(db, data.parentId);
  if (!parent || !canAccessAgency(access, ADMIN_ROLES, parent))
    throw new AppError('FORBIDDEN', 'parentOutOfScope', { field: 'parentId' });
  if (data.code && (await findAgencyByCode(db, data.code)))
    throw new AppError('CONFLICT', 'agencyCodeTaken', { field: 'code' });
  return db.$transaction(async (tx) => {
    const row = await createAgency(tx, data);
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'agency.create',
      entityType: 'agency',
      entityId: row.id,
      after: data,
    });
    return { id: row.id };
  });
}
