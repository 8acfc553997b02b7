import { ADMIN_ROLES, READ_ROLES, REVIEW_ROLES, canAccessAgency, hasRole, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { findAgencyNode } from '@/lib/data/agencies';
import {
  createSubscription,
  deleteSubscription,
  findChannel,
  findSubscription,
  listSubscriptions,
  listUsersInSubtrees,
  setSubscriptionActive,
  updateSubscription,
  type SubscriptionRow,
} from '@/lib/data/notifications';
import { AppError } from '@/lib/errors';
import {
  formatMinute,
  subscriptionActiveInputSchema,
  subscriptionIdInputSchema,
  subscriptionInputSchema,
  type SubscriptionDto,
} from '@/lib/schemas/notification';
import { z } from 'zod';
import { getUserAccess } from './get-user-access';
import { requireNotificationRole } from './manage-notification-channels';
import { recordAudit } from './record-audit';

// Who manages which subscription (checked here, never only in the page):
// - a supervisor (or administrator) their own, on agencies inside their own scope;
// - an administrator also every subscription on an agency inside their ADMIN subtree, and may subscribe a user
//   holding a grant there — never on an agency outside the subscriber's own scope (they would read alerts they may not).
// The channel must belong to the subscriber or to the administrator setting it up.

type Deps = { access: Access; db?: PrismaClient };
const NOT_FOUND = () => new AppError('NOT_FOUND', 'notificationSubscriptionNotFound');

function canManage(access: Access, sub: SubscriptionRow): boolean {
  return (
    sub.userId === access.userId ||
    canAccessAgency(access, ADMIN_ROLES, { id: sub.agencyId, ancestorIds: sub.agencyAncestorIds })
  );
}

const toDto = (access: Access, s: SubscriptionRow): SubscriptionDto => ({
  id: s.id,
  userId: s.userId,
  userName: s.userName,
  agencyId: s.agencyId,
  agencyName: s.agencyName,
  channelId: s.channelId,
  channelLabel: s.channelLabel,
  channelKind: s.channelKind,
  kinds: s.kinds,
  mode: s.mode,
  quietStart: s.quietStartMinute === null ? null : formatMinute(s.quietStartMinute),
  quietEnd: s.quietEndMinute === null ? null : formatMinute(s.quietEndMinute),
  digestTime: formatMinute(s.digestMinute),
  isActive: s.isActive,
  isOwn: s.userId === access.userId,
});

export async function listManageableSubscriptions({ access, db = getDb() }: Deps): Promise<SubscriptionDto[]> {
  requireNotificationRole(access);
  const rows = await listSubscriptions(db, access.userId, scopeRoots(access, ADMIN_ROLES));
  return rows.filter((s) => canManage(access, s)).map((s) => toDto(access, s));
}

/** Users an administrator may subscribe (holding a grant in their ADMIN subtree); just the caller otherwise. */
export async function listSubscribableUsers({
  access,
  db = getDb(),
}: Deps): Promise<Array<{ id: string; name: string }>> {
  requireNotificationRole(access);
  const users = await listUsersInSubtrees(db, scopeRoots(access, ADMIN_ROLES));
  return [{ id: access.userId, name: access.name }, ...users.filter((u) => u.id !== access.userId)];
}

/** Creates a subscription, or updates one (`id` given) the caller may manage. */
export async function saveSubscription({
  access,
  input,
  db = getDb(),
}: Deps & { input: unknown }): Promise<{ id: string }> {
  requireNotificationRole(access);
  const { id } = z.object({ id: z.uuid().optional() }).parse(input);
  const data = subscriptionInputSchema.parse(input);
  const existing = id ? await findSubscription(db, id) : null;
  if (id && (!existing || !canManage(access, existing))) throw NOT_FOUND();
  const subscriberId = existing?.userId ?? data.userId ?? access.userId;

  const agency = await findAgencyNode(db, data.agencyId);
  if (!agency) throw new AppError('VALIDATION', 'agencyOutOfScope', { field: 'agencyId' });
  const subscriber = subscriberId === access.userId ? access : await getUserAccess({ userId: subscriberId, db });
  const managesOther = subscriberId !== access.userId;
  if (!subscriber || (managesOther && !canAccessAgency(access, ADMIN_ROLES, agency)))
    throw new AppError('FORBIDDEN', 'notificationUserOutOfScope', { field: 'userId' });
  if (!hasRole(subscriber, REVIEW_ROLES) || !canAccessAgency(subscriber, READ_ROLES, agency))
    throw new AppError('FORBIDDEN', 'agencyOutOfScope', { field: 'agencyId' });

  const channel = await findChannel(db, data.channelId);
  if (!channel || (channel.ownerId !== subscriberId && channel.ownerId !== access.userId))
    throw new AppError('VALIDATION', 'notificationChannelNotFound', { field: 'channelId' });

  const fields = {
    agencyId: agency.id,
    channelId: channel.id,
    kinds: data.kinds,
    mode: data.mode,
    quietStartMinute: data.quietStart,
    quietEndMinute: data.quietEnd,
    digestMinute: data.digestTime,
  };
  return db.$transaction(async (tx) => {
    const row = existing
      ? (await updateSubscription(tx, existing.id, fields), { id: existing.id })
      : await createSubscription(tx, { ...fields, userId: subscriberId, createdById: access.userId });
    await recordAudit(tx, {
      actorId: access.userId,
      action: existing ? 'notification-subscription.update' : 'notification-subscription.create',
      entityType: 'notification_subscription',
      entityId: row.id,
      after: { ...fields, userId: subscriberId },
    });
    return row;
  });
}

export async function removeSubscription({
  access,
  input,
  db = getDb(),
}: Deps & { input: unknown }): Promise<{ id: string }> {
  requireNotificationRole(access);
  const { id } = subscriptionIdInputSchema.parse(input);
  const sub = await findSubscription(db, id);
  if (!sub || !canManage(access, sub)) throw NOT_FOUND();
  await db.$transaction(async (tx) => {
    await deleteSubscription(tx, id);
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'notification-subscription.delete',
      entityType: 'notification_subscription',
      entityId: id,
      before: { userId: sub.userId, agencyId: sub.agencyId, kinds: sub.kinds, mode: sub.mode },
    });
  });
  return { id };
}

export async function toggleSubscription({
  access,
  input,
  db = getDb(),
}: Deps & { input: unknown }): Promise<{ id: string }> {
  requireNotificationRole(access);
  const { id, isActive } = subscriptionActiveInputSchema.parse(input);
  const sub = await findSubscription(db, id);
  if (!sub || !canManage(access, sub)) throw NOT_FOUND();
  await db.$transaction(async (tx) => {
    await setSubscriptionActive(tx, id, isActive);
    await recordAudit(tx, {
      actorId: access.userId,
      action: isActive ? 'notification-subscription.resume' : 'notification-subscription.pause',
      entityType: 'notification_subscription',
      entityId: id,
    });
  });
  return { id };
}
