import type { Db } from '@/lib/db/types';
import type { Prisma } from '@/lib/db/generated/client';

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  // Round-trip through JSON so Dates become ISO strings and undefined fields disappear.
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

export async function createAuditLog(
  db: Db,
  entry: {
    actorId: string | null;
    action: string;
    entityType: string;
    entityId: string | null;
    before?: unknown;
    after?: unknown;
    ip?: string | null;
  },
): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
      ip: entry.ip ?? null,
    },
  });
}

/** The newest audit entry of each entity among `entityIds` with one of `actions` (the review an undo reverts). */
export async function findLatestAudits(db: Db, entityType: string, entityIds: string[], actions: string[]) {
  const rows = await db.auditLog.findMany({
    where: { entityType, entityId: { in: entityIds }, action: { in: actions } },
    // uuid v7 ids rise with time: they order two entries of the same millisecond too.
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    select: { entityId: true, action: true, actorId: true, before: true, after: true, at: true },
  });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (r.entityId && !latest.has(r.entityId)) latest.set(r.entityId, r);
  return latest;
}
