import { canAccessAgency, REVIEW_ROLES, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { listAlertScopes, setAlertsAcknowledged } from '@/lib/data/alerts';
import { AppError } from '@/lib/errors';
import { acknowledgeAlertsInputSchema } from '@/lib/schemas/alert';
import { recordAudit } from './record-audit';
import { outOfScopeRefusal } from './scope-refusal';

/**
 * Acknowledges alerts in the reviewer's scope, all or nothing, with one audit row each. Alerts the same user already
 * acknowledged are left as they are (a repeated click); one acknowledged by someone else is a conflict.
 */
export async function acknowledgeAlerts({
  access,
  input,
  now,
  db = getDb(),
}: {
  access: Access;
  input: unknown;
  now: Date;
  db?: PrismaClient;
}) {
  const { ids } = acknowledgeAlertsInputSchema.parse(input);
  const unique = [...new Set(ids)];
  const alerts = await listAlertScopes(db, unique);
  if (alerts.length !== unique.length) throw new AppError('NOT_FOUND', 'alertsMissing');
  const outOfScope = alerts.filter((a) => !canAccessAgency(access, REVIEW_ROLES, a.agency));
  if (outOfScope.length > 0) {
    throw outOfScopeRefusal(
      access,
      outOfScope.map((a) => a.agency),
      new AppError('NOT_FOUND', 'alertsMissing'),
      new AppError('FORBIDDEN', 'alertsOutOfScope'),
    );
  }
  const taken = alerts.filter((a) => a.acknowledgedAt && a.acknowledgedById !== access.userId);
  if (taken.length > 0) throw new AppError('CONFLICT', 'alertsTaken', { params: { count: taken.length } });
  const open = alerts.filter((a) => !a.acknowledgedAt);
  const acknowledged = await db.$transaction(async (tx) => {
    const count = await setAlertsAcknowledged(
      tx,
      open.map((a) => a.id),
      access.userId,
      now,
    );
    // Someone acknowledged one between our read and this write: roll everything back rather than half-apply.
    if (count !== open.length) throw new AppError('CONFLICT', 'alertsTakenMeanwhile');
    for (const a of open) {
      await recordAudit(tx, {
        actorId: access.userId,
        action: 'alert.acknowledge',
        entityType: 'alert',
        entityId: a.id,
        before: { acknowledgedAt: null },
        after: { acknowledgedAt: now },
      });
    }
    return count;
  });
  return { acknowledged };
}
