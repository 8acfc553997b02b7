import { canAccessAgency, REVIEW_ROLES, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { findAgencyNode } from '@/lib/data/agencies';
import { insertRepostTask, listTargetAccountIds } from '@/lib/data/repost-tasks';
import { AppError } from '@/lib/errors';
import { createRepostTaskInputSchema } from '@/lib/schemas/repost-task';
import { matchRepostTargets } from './match-repost-targets';
import { recordAudit } from './record-audit';

/** D10 重要信息转载: a supervisor requires the accounts of a subtree to repost an item by a deadline. */
export async function createRepostTask({
  access,
  input,
  db = getDb(),
}: {
  access: Access;
  input: unknown;
  db?: PrismaClient;
}) {
  const data = createRepostTaskInputSchema.parse(input);
  const agency = await findAgencyNode(db, data.agencyId);
  if (!agency) throw new AppError('VALIDATION', 'unknownAgency', { field: 'agencyId' });
  if (!canAccessAgency(access, REVIEW_ROLES, agency)) throw new AppError('FORBIDDEN', 'agencyOutOfScope');
  const accountIds = await listTargetAccountIds(db, agency.id, data.platformCodes);
  if (accountIds.length === 0) throw new AppError('VALIDATION', 'noRepostTargets', { field: 'platformCodes' });
  return db.$transaction(async (tx) => {
    const task = await insertRepostTask(tx, {
      agencyId: agency.id,
      title: data.title,
      itemUrl: data.itemUrl ?? null,
      matchTerms: data.matchTerms,
      publishedAt: data.publishedAt,
      deadline: data.deadline,
      createdById: access.userId,
      accountIds,
    });
    // Reposts crawled before the task was entered count too.
    const reposted = await matchRepostTargets(tx, { taskId: task.id });
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'repost-task.create',
      entityType: 'repost_task',
      entityId: task.id,
      after: { ...data, targets: accountIds.length, reposted },
    });
    return { id: task.id, targets: accountIds.length, reposted };
  });
}
