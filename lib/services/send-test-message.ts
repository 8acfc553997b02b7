import { randomUUID } from 'node:crypto';
import type { Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { createDelivery } from '@/lib/data/deliveries';
import { findChannel } from '@/lib/data/notifications';
import { composeTestMessage } from '@/lib/delivery/compose';
import { AppError } from '@/lib/errors';
import { sendTestInputSchema } from '@/lib/schemas/notification';
import { requireNotificationRole } from './manage-notification-channels';
import { recordAudit } from './record-audit';

/**
 * Queues a test message on one of the caller's channels (the worker sends it within a minute, ignoring quiet hours);
 * the delivery log shows the answer. Nothing is sent from the web process: it holds no egress guard and no SMTP.
 */
export async function sendTestMessage({
  access,
  input,
  now = new Date(),
  baseUrl,
  db = getDb(),
}: {
  access: Access;
  input: unknown;
  now?: Date;
  baseUrl: string;
  db?: PrismaClient;
}): Promise<{ deliveryId: string }> {
  requireNotificationRole(access);
  const { channelId } = sendTestInputSchema.parse(input);
  const channel = await findChannel(db, channelId);
  if (!channel || channel.ownerId !== access.userId) throw new AppError('NOT_FOUND', 'notificationChannelNotFound');
  const message = composeTestMessage({ channelLabel: channel.label, requestedBy: access.name, now, baseUrl });
  const deliveryId = await createDelivery(db, {
    channelId,
    subscriptionId: null,
    kind: 'TEST',
    dedupeKey: `test:${randomUUID()}`,
    title: message.title,
    message,
    notBefore: now,
    alertIds: [],
    requestedById: access.userId,
  });
  await recordAudit(db, {
    actorId: access.userId,
    action: 'notification-channel.test',
    entityType: 'notification_channel',
    entityId: channelId,
    after: { deliveryId },
  });
  return { deliveryId: deliveryId! };
}
