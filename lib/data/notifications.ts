import type { AlertKind } from '@/lib/schemas/alert';
import type { ChannelKind, NotificationMode } from '@/lib/schemas/notification';
import type { Db } from '@/lib/db/types';
import { agencyInSubtrees } from './overview';

// Notification channels (sealed secrets) and subscriptions. Only lib/services decide who may see or change which.

export type SealedChannelData = {
  kind: ChannelKind;
  label: string;
  secretHint: string;
  keyId: string;
  ciphertext: Uint8Array;
  iv: Uint8Array;
  authTag: Uint8Array;
};
export type ChannelRow = {
  id: string;
  ownerId: string;
  ownerName: string;
  kind: ChannelKind;
  label: string;
  secretHint: string;
  createdAt: Date;
};
export type SubscriptionRow = {
  id: string;
  userId: string;
  userName: string;
  agencyId: string;
  agencyName: string;
  agencyAncestorIds: string[];
  channelId: string;
  channelLabel: string;
  channelKind: ChannelKind;
  channelOwnerId: string;
  kinds: AlertKind[];
  mode: NotificationMode;
  quietStartMinute: number | null;
  quietEndMinute: number | null;
  digestMinute: number;
  isActive: boolean;
  createdAt: Date;
};
export type SubscriptionData = {
  userId: string;
  agencyId: string;
  channelId: string;
  kinds: AlertKind[];
  mode: NotificationMode;
  quietStartMinute: number | null;
  quietEndMinute: number | null;
  digestMinute: number;
  createdById: string;
};

const bytes = (b: Uint8Array) => new Uint8Array(b);
const channelSelect = {
  id: true,
  ownerId: true,
  kind: true,
  label: true,
  secretHint: true,
  createdAt: true,
  owner: { select: { name: true } },
} as const;
type ChannelSelected = {
  id: string;
  ownerId: string;
  kind: ChannelKind;
  label: string;
  secretHint: string;
  createdAt: Date;
  owner: { name: string };
};
const toChannel = ({ owner, ...c }: ChannelSelected): ChannelRow => ({ ...c, ownerName: owner.name });

export async function createChannel(db: Db, ownerId: string, data: SealedChannelData): Promise<{ id: string }> {
  return db.notificationChannel.create({
    data: { ...data, ownerId, ciphertext: bytes(data.ciphertext), iv: bytes(data.iv), authTag: bytes(data.authTag) },
    select: { id: true },
  });
}

export async function findChannel(db: Db, id: string): Promise<ChannelRow | null> {
  const row = await db.notificationChannel.findUnique({ where: { id }, select: channelSelect });
  return row ? toChannel(row) : null;
}

export async function findSealedChannel(db: Db, id: string) {
  return db.notificationChannel.findUnique({
    where: { id },
    select: { id: true, kind: true, label: true, keyId: true, ciphertext: true, iv: true, authTag: true },
  });
}

/** Channels owned by `ownerIds`, newest first. */
export async function listChannels(db: Db, ownerIds: string[]): Promise<ChannelRow[]> {
  const rows = await db.notificationChannel.findMany({
    where: { ownerId: { in: ownerIds } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: channelSelect,
  });
  return rows.map(toChannel);
}

export async function deleteChannel(db: Db, id: string): Promise<void> {
  await db.notificationChannel.delete({ where: { id } });
}

const subscriptionSelect = {
  id: true,
  userId: true,
  agencyId: true,
  channelId: true,
  kinds: true,
  mode: true,
  quietStartMinute: true,
  quietEndMinute: true,
  digestMinute: true,
  isActive: true,
  createdAt: true,
  user: { select: { name: true } },
  agency: { select: { name: true, ancestorIds: true } },
  channel: { select: { label: true, kind: true, ownerId: true } },
} as const;

type SubscriptionSelected = {
  id: string;
  userId: string;
  agencyId: string;
  channelId: string;
  kinds: AlertKind[];
  mode: NotificationMode;
  quietStartMinute: number | null;
  quietEndMinute: number | null;
  digestMinute: number;
  isActive: boolean;
  createdAt: Date;
  user: { name: string };
  agency: { name: string; ancestorIds: string[] };
  channel: { label: string; kind: ChannelKind; ownerId: string };
};
const toSubscription = ({ user, agency, channel, ...s }: SubscriptionSelected): SubscriptionRow => ({
  ...s,
  userName: user.name,
  agencyName: agency.name,
  agencyAncestorIds: agency.ancestorIds,
  channelLabel: channel.label,
  channelKind: channel.kind,
  channelOwnerId: channel.ownerId,
});

export async function createSubscription(db: Db, data: SubscriptionData): Promise<{ id: string }> {
  return db.notificationSubscription.create({ data, select: { id: true } });
}

export async function updateSubscription(
  db: Db,
  id: string,
  data: Omit<SubscriptionData, 'createdById' | 'userId'>,
): Promise<void> {
  await db.notificationSubscription.update({ where: { id }, data });
}

export async function setSubscriptionActive(db: Db, id: string, isActive: boolean): Promise<void> {
  await db.notificationSubscription.update({ where: { id }, data: { isActive } });
}

export async function deleteSubscription(db: Db, id: string): Promise<void> {
  await db.notificationSubscription.delete({ where: { id } });
}

export async function findSubscription(db: Db, id: string): Promise<SubscriptionRow | null> {
  const row = await db.notificationSubscription.findUnique({ where: { id }, select: subscriptionSelect });
  return row ? toSubscription(row) : null;
}

/** Subscriptions of `userId`, plus (for administrators) every subscription on an agency in the subtrees of `adminRoots`. */
export async function listSubscriptions(db: Db, userId: string, adminRoots: string[]): Promise<SubscriptionRow[]> {
  const rows = await db.notificationSubscription.findMany({
    where: { OR: [{ userId }, ...(adminRoots.length ? [{ agency: agencyInSubtrees(adminRoots) }] : [])] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: subscriptionSelect,
  });
  return rows.map(toSubscription);
}

/** Active subscriptions of one mode whose subscriber is still active (the planner's input). */
export async function listActiveSubscriptions(db: Db, mode: NotificationMode): Promise<SubscriptionRow[]> {
  const rows = await db.notificationSubscription.findMany({
    where: { mode, isActive: true, user: { isActive: true } },
    orderBy: { id: 'asc' },
    select: subscriptionSelect,
  });
  return rows.map(toSubscription);
}

/** Active users holding a grant inside the subtrees of `roots` (whom an administrator may subscribe). */
export async function listUsersInSubtrees(db: Db, roots: string[]): Promise<Array<{ id: string; name: string }>> {
  if (roots.length === 0) return [];
  return db.user.findMany({
    where: { isActive: true, roleGrants: { some: { agency: agencyInSubtrees(roots) } } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  });
}
