import type { Db } from '@/lib/db/types';
import { createAuditLog } from '@/lib/data/audit-log';
import { currentRequestIp } from '@/lib/security/request-ip-context';

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  /** The client address; by default the current request's (docs/security.md), none in jobs and scripts. */
  ip?: string | null;
};

/** Writes the audit row inside the caller's transaction, so a write and its audit entry commit together. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await createAuditLog(tx, { ...entry, ip: entry.ip !== undefined ? entry.ip : await currentRequestIp() });
}
