import { ADMIN_ROLES, canAccessAgency, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { findAgencyNode, lockAgencies, moveAgencySubtree, renameAgencyRow } from '@/lib/data/agencies';
import { listMoveTargets } from '@/lib/data/agency-tree';
import { AppError, notFound } from '@/lib/errors';
import { moveAgencyInputSchema, renameAgencyInputSchema } from '@/lib/schemas/agency';
import { recordAudit } from './record-audit';

type Deps = { access: Access; db?: PrismaClient };

async function agencyInScope(db: PrismaClient, access: Access, id: string) {
  const agency = await findAgencyNode(db, id);
  if (!agency || !canAccessAgency(access, ADMIN_ROLES, agency)) throw notFound('agency');
  return agency;
}

/** The agency and where it may move to (inside the scope, never under itself). */
export async function getAgencyEditor({ access, agencyId, db = getDb() }: Deps & { agencyId: string }) {
  const agency = await agencyInScope(db, access, agencyId);
  const targets = await listMoveTargets(db, scopeRoots(access, ADMIN_ROLES), agency.id);
  return {
    agency,
    targets: targets.map((t) => ({ id: t.id, name: t.name, level: t.level, depth: t.ancestorIds.length })),
  };
}

export async function renameAgency({ access, input, db = getDb() }: Deps & { input: unknown }) {
  const data = renameAgencyInputSchema.parse(input);
  const agency = await agencyInScope(db, access, data.id);
  if (agency.name === data.name) return { id: agency.id };
  await db.$transaction(async (tx) => {
    await renameAgencyRow(tx, agency.id, data.name);
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'agency.rename',
      entityType: 'agency',
      entityId: agency.id,
      before: { name: agency.name },
      after: { name: data.name },
    });
  });
  return { id: agency.id };
}

/**
 * Moves an agency with its whole subtree under a new parent, both inside the administrator's scope. The moved
 * agency's and every descendant's ancestor ids are rewritten in one transaction under row locks; moving under
 * itself or a descendant is refused. A scope root cannot be moved out of the scope it defines.
 */
export async function moveAgency({ access, input, db = getDb() }: Deps & { input: unknown }) {
  const data = moveAgencyInputSchema.parse(input);
  await agencyInScope(db, access, data.id);
  const parent = await findAgencyNode(db, data.parentId);
  if (!parent || !canAccessAgency(access, ADMIN_ROLES, parent))
    throw new AppError('FORBIDDEN', 'newParentOutOfScope', { field: 'parentId' });
  return db.$transaction(async (tx) => {
    const locked = await lockAgencies(tx, [data.id, data.parentId]);
    const agency = locked.find((a) => a.id === data.id);
    const target = locked.find((a) => a.id === data.parentId);
    if (!agency || !target) throw notFound('agency');
    if (target.id === agency.id || target.ancestorIds.includes(agency.id)) {
      throw new AppError('VALIDATION', 'agencyMoveIntoItself', { field: 'parentId' });
    }
    if (agency.parentId === target.id) return { id: agency.id, descendants: 0 };
    const newAncestors = [...target.ancestorIds, target.id];
    if (!canAccessAgency(access, ADMIN_ROLES, { id: agency.id, ancestorIds: newAncestors }))
      throw new AppError('FORBIDDEN', 'agencyWouldLeaveScope');
    const descendants = await moveAgencySubtree(tx, agency.id, target.id, newAncestors);
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'agency.move',
      entityType: 'agency',
      entityId: agency.id,
      before: { parentId: agency.parentId, ancestorIds: agency.ancestorIds },
      after: { parentId: target.id, ancestorIds: newAncestors, descendants },
    });
    return { id: agency.id, descendants };
  });
}

export type AgencyEditor = Awaited<ReturnType<typeof getAgencyEditor>>;
