import { READ_ROLES, canAccessAgency, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { createDelivery, listUnsentAlerts } from '@/lib/data/deliveries';
import { listActiveSubscriptions, type SubscriptionRow } from '@/lib/data/notifications';
import { composeAlertsMessage, composeDigestMessage } from '@/lib/delivery/compose';
import { dueDigest, quietUntil } from '@/lib/delivery/schedule';
import { DAY_MS } from '@/lib/time';
import { getUserAccess } from './get-user-access';

export type PlanSummary = { immediate: number; digests: number; skippedOutOfScope: number };

/** Alerts older than this when a subscription first sees them are left to the alert list (no flood after a pause). */
const IMMEDIATE_LOOKBACK_MS = DAY_MS;

/**
 * Turns new alerts into deliveries: for each IMMEDIATE subscription one message with every alert it has not been
 * sent (held until the end of quiet hours), for each DIGEST subscription whose Beijing digest time has passed one
 * message a day with the alerts of the 24 hours before that time, grouped by kind (none when there were none).
 * A subscription whose subscriber no longer reads its agency (grant revoked) is skipped. Idempotent: each alert
 * goes to a subscription once, each digest once per day (dedupe keys).
 */
export async function planDeliveries({
  now,
  baseUrl,
  db = getDb(),
}: {
  now: Date;
  baseUrl: string;
  db?: PrismaClient;
}): Promise<PlanSummary> {
  const summary: PlanSummary = { immediate: 0, digests: 0, skippedOutOfScope: 0 };
  const accessCache = new Map<string, Access | null>();
  const inScope = async (sub: SubscriptionRow) => {
    if (!accessCache.has(sub.userId)) accessCache.set(sub.userId, await getUserAccess({ userId: sub.userId, db }));
    const access = accessCache.get(sub.userId);
    const ok =
      !!access && canAccessAgency(access, READ_ROLES, { id: sub.agencyId, ancestorIds: sub.agencyAncestorIds });
    if (!ok) summary.skippedOutOfScope += 1;
    return ok;
  };

  for (const sub of await listActiveSubscriptions(db, 'IMMEDIATE')) {
    if (!(await inScope(sub))) continue;
    const from = new Date(Math.max(sub.createdAt.getTime(), now.getTime() - IMMEDIATE_LOOKBACK_MS));
    const alerts = await listUnsentAlerts(db, sub, { from, until: new Date(now.getTime() + 1) });
    if (alerts.length === 0) continue;
    const message = composeAlertsMessage(alerts, baseUrl);
    const id = await createDelivery(db, {
      channelId: sub.channelId,
      subscriptionId: sub.id,
      kind: 'ALERTS',
      dedupeKey: `alerts:${sub.id}:${alerts[0].id}`,
      title: message.title,
      message,
      notBefore: quietUntil(now, sub.quietStartMinute, sub.quietEndMinute) ?? now,
      alertIds: alerts.map((a) => a.id),
      requestedById: null,
    });
    if (id) summary.immediate += 1;
  }

  for (const sub of await listActiveSubscriptions(db, 'DIGEST')) {
    const due = dueDigest(now, sub.digestMinute);
    if (!due || !(await inScope(sub))) continue;
    const alerts = await listUnsentAlerts(db, sub, { from: due.from, until: due.at });
    if (alerts.length === 0) continue;
    const message = composeDigestMessage(alerts, due.day, baseUrl);
    const id = await createDelivery(db, {
      channelId: sub.channelId,
      subscriptionId: sub.id,
      kind: 'DIGEST',
      dedupeKey: `digest:${sub.id}:${due.day}`,
      title: message.title,
      message,
      notBefore: now,
      alertIds: alerts.map((a) => a.id),
      requestedById: null,
    });
    if (id) summary.digests += 1;
  }
  return summary;
}
