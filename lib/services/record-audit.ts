import type { Db } from '@/lib/db/types';
import { createAuditLog } from '@/lib/data/audit-log';

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

/** Writes the audit row inside the caller's transaction, so a write and its audit entry commit together. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await createAuditLog(tx, entry);
}
