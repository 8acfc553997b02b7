import type { PrismaClient } from '@/lib/db/types';
import { finishAttempt, findDeliveryToSend, markDeliveryDead, reserveSendingSlot } from '@/lib/data/deliveries';
import type { Message } from '@/lib/delivery/compose';
import { ROBOT_MESSAGES_PER_MINUTE } from '@/lib/delivery/robots';
import type { SendOutcome } from '@/lib/delivery/send';
import { channelSecretSchema, type ChannelSecret } from '@/lib/schemas/notification';
import {
  CredentialDecryptError,
  CredentialKeyError,
  loadCredentialKeyRing,
  openJson,
  type CredentialKeyRing,
} from '@/lib/security/credentials';
import { channelContext } from './manage-notification-channels';

/** Messages a minute per channel: WeCom and DingTalk document 20 per robot; mail servers get the same courtesy. */
export const PER_MINUTE = { WECOM: ROBOT_MESSAGES_PER_MINUTE, DINGTALK: ROBOT_MESSAGES_PER_MINUTE, EMAIL: 30 } as const;

export type DeliverResult = { outcome: 'SENT' | 'SKIPPED' } | { outcome: 'RETRY' | 'DEAD'; error: string };

export type DeliverDeps = {
  db: PrismaClient;
  send: (secret: ChannelSecret, message: Message) => Promise<SendOutcome>;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  keys?: () => CredentialKeyRing;
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One try of one delivery, as the queue job runs it: waits for a free slot of the channel's per-minute limit,
 * decrypts the channel, sends, records the try. `isLastTry` (the queue's retry budget is spent) turns a retryable
 * failure into DEAD; a failure that cannot heal (wrong key, refused address, 4xx) is DEAD at once.
 */
export async function deliverMessage(
  deliveryId: string,
  isLastTry: boolean,
  deps: DeliverDeps,
): Promise<DeliverResult> {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? realSleep;
  const delivery = await findDeliveryToSend(db, deliveryId);
  if (!delivery || delivery.status === 'SENT' || delivery.status === 'DEAD') return { outcome: 'SKIPPED' };

  let secret: ChannelSecret;
  try {
    const ring = (deps.keys ?? (() => loadCredentialKeyRing()))();
    const sealed = {
      ciphertext: delivery.channel.ciphertext,
      iv: delivery.channel.iv,
      authTag: delivery.channel.authTag,
      keyId: delivery.channel.keyId,
    };
    secret = channelSecretSchema.parse(openJson(ring, sealed, channelContext(delivery.channel.kind)));
  } catch (error) {
    const reason =
      error instanceof CredentialKeyError || error instanceof CredentialDecryptError
        ? error.message
        : 'channel settings unreadable';
    await markDeliveryDead(db, deliveryId, `cannot open channel: ${reason}`, now());
    return { outcome: 'DEAD', error: reason };
  }

  let slot = await reserveSendingSlot(db, {
    deliveryId,
    channelId: delivery.channel.id,
    now: now(),
    perMinute: PER_MINUTE[secret.kind],
  });
  while ('waitMs' in slot) {
    await sleep(slot.waitMs);
    slot = await reserveSendingSlot(db, {
      deliveryId,
      channelId: delivery.channel.id,
      now: now(),
      perMinute: PER_MINUTE[secret.kind],
    });
  }

  const result = await deps.send(secret, delivery.message as Message);
  const status = result.ok ? 'SENT' : result.retryable && !isLastTry ? 'RETRYING' : 'DEAD';
  await finishAttempt(db, { deliveryId, attemptId: slot.attemptId, result, status, now: now() });
  if (status === 'SENT') return { outcome: 'SENT' };
  return { outcome: status === 'RETRYING' ? 'RETRY' : 'DEAD', error: result.error ?? 'failed' };
}
