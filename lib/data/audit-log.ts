import type { Db } from '@/lib/db/types';
import type { Prisma } from '@/lib/db/generated/client';

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  // Round-trip through JSON so Dates become ISO strings and undefined fields disappear.
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

export async function createAuditLog(
  db: Db,
  entry: { actorId: string | null; action: string; entityType: string; entityId: string | null; before?: unknown; after?: unknown; ip?: string | null },
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
