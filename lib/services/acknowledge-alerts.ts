import { canAccessAgency, REVIEW_ROLES, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { listAlertScopes, setAlertsAcknowledged } from '@/lib/data/alerts';
import { AppError } from '@/lib/errors';
import { acknowledgeAlertsInputSchema, type AcknowledgeAlertsInput } from '@/lib/schemas/alert';
import { recordAudit } from './record-audit';

/**
 * Acknowledges alerts in the reviewer's scope, all or nothing, with one audit row each. Alerts the same user already
 * acknowledged are left as they are (a repeated click); one acknowledged by someone else is a conflict.
 */
export async function acknowledgeAlerts({ access, input, now, db = getDb() }: { access: Access; input: AcknowledgeAlertsInput; now: Date; db?: PrismaClient }) {
  const { ids } = acknowledgeAlertsInputSchema.parse(input);
  const unique = [...new Set(ids)];
  const alerts = await listAlertScopes(db, unique);
  if (alerts.length !== unique.length) throw new AppError('NOT_FOUND', 'Some alerts do not exist');
  if (alerts.some((a) => !canAccessAgency(access, REVIEW_ROLES, a.agency))) throw new AppError('FORBIDDEN', 'Some alerts are outside your scope');
  const taken = alerts.filter((a) => a.acknowledgedAt && a.acknowledgedById !== access.userId);
  if (taken.length > 0) throw new AppError('CONFLICT', `${taken.length} of the selected alerts were already acknowledged by someone else`);
  const open = alerts.filter((a) => !a.acknowledgedAt);
  const acknowledged = await db.$transaction(async (tx) => {
    const count = await setAlertsAcknowledged(tx, open.map((a) => a.id), access.userId, now);
    // Someone acknowledged one between our read and this write: roll everything back rather than half-apply.
    if (count !== open.length) throw new AppError('CONFLICT', 'Some of the selected alerts were acknowledged by someone else meanwhile');
    for (const a of open) {
      await recordAudit(tx, {
        actorId: access.userId, action: 'alert.acknowledge', entityType: 'alert', entityId: a.id,
        before: { acknowledgedAt: null }, after: { acknowledgedAt: now },
      });
    }
    return count;
  });
  return { acknowledged };
}
