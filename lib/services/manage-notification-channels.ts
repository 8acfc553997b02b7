import { REVIEW_ROLES, hasRole, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { createChannel, deleteChannel, findChannel, listChannels } from '@/lib/data/notifications';
import { AppError } from '@/lib/errors';
import {
  channelIdInputSchema,
  createChannelInputSchema,
  maskChannelSecret,
  type ChannelDto,
} from '@/lib/schemas/notification';
import {
  CredentialKeyError,
  loadCredentialKeyRing,
  sealJson,
  type CredentialKeyRing,
} from '@/lib/security/credentials';
import { recordAudit } from './record-audit';

// A notification channel belongs to the user who added it: only they use it in subscriptions, see its hint and
// delete it. The webhook URL, robot secret and recipients are sealed under CREDENTIALS_KEY (context = channel kind).

type Deps = { access: Access; db?: PrismaClient; keys?: () => CredentialKeyRing };

export function requireNotificationRole(access: Access) {
  if (!hasRole(access, REVIEW_ROLES)) throw new AppError('FORBIDDEN', 'notificationsForbidden');
}

export function notificationKeyRing(keys: Deps['keys']): CredentialKeyRing {
  try {
    return (keys ?? (() => loadCredentialKeyRing()))();
  } catch (error) {
    if (error instanceof CredentialKeyError)
      throw new AppError('INTERNAL', 'credentialKey', { params: { detail: error.message }, cause: error });
    throw error;
  }
}

export const channelContext = (kind: string) => `notification-channel:${kind}`;

export async function listMyChannels({ access, db = getDb() }: Deps): Promise<ChannelDto[]> {
  requireNotificationRole(access);
  const rows = await listChannels(db, [access.userId]);
  return rows.map((c) => ({
    id: c.id,
    kind: c.kind,
    label: c.label,
    secretHint: c.secretHint,
    createdAt: c.createdAt.toISOString(),
    ownerName: c.ownerName,
    isOwn: true,
  }));
}

export async function addChannel({
  access,
  input,
  db = getDb(),
  keys,
}: Deps & { input: unknown }): Promise<{ id: string }> {
  requireNotificationRole(access);
  const data = createChannelInputSchema.parse(input);
  const secretHint = maskChannelSecret(data.secret);
  const sealed = sealJson(notificationKeyRing(keys), data.secret, channelContext(data.secret.kind));
  return db.$transaction(async (tx) => {
    const row = await createChannel(tx, access.userId, {
      ...sealed,
      kind: data.secret.kind,
      label: data.label,
      secretHint,
    });
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'notification-channel.create',
      entityType: 'notification_channel',
      entityId: row.id,
      after: { label: data.label, kind: data.secret.kind, secretHint },
    });
    return row;
  });
}

export async function removeChannel({
  access,
  input,
  db = getDb(),
}: Deps & { input: unknown }): Promise<{ id: string }> {
  requireNotificationRole(access);
  const { id } = channelIdInputSchema.parse(input);
  const channel = await findChannel(db, id);
  if (!channel || channel.ownerId !== access.userId) throw new AppError('NOT_FOUND', 'notificationChannelNotFound');
  await db.$transaction(async (tx) => {
    await deleteChannel(tx, id);
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'notification-channel.delete',
      entityType: 'notification_channel',
      entityId: id,
      before: { label: channel.label, kind: channel.kind, secretHint: channel.secretHint },
    });
  });
  return { id };
}
