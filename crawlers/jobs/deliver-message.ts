import type { PgBoss } from 'pg-boss';
import type { PrismaClient } from '@/lib/db/types';
import { deliverMessage, type DeliverDeps } from '@/lib/services/deliver-message';
import { QUEUES } from '../queue';
import { logJob } from './log';

/** Thrown so pg-boss retries the job (with backoff) or, after the last try, moves it to the dead-letter queue. */
export class DeliveryFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeliveryFailedError';
  }
}

/**
 * Runs one try of the delivery a queue job names. `retryCount` / `retryLimit` come from the job: the last try that
 * fails throws too, so the queue itself dead-letters it; a failure that cannot heal is DEAD at once and copied to
 * the dead-letter queue by hand (retrying would only repeat the refusal).
 */
export async function runDeliverMessage({
  boss,
  deliveryId,
  retryCount,
  retryLimit,
  deps,
}: {
  boss: PgBoss;
  deliveryId: string;
  retryCount: number;
  retryLimit: number;
  deps: DeliverDeps & { db: PrismaClient };
}): Promise<void> {
  const started = Date.now();
  const isLastTry = retryCount >= retryLimit;
  const result = await deliverMessage(deliveryId, isLastTry, deps);
  logJob({
    job: 'deliver-message',
    kind: result.outcome,
    ms: Date.now() - started,
    deliveryId,
    retryCount,
    ...('error' in result ? { error: result.error } : {}),
  });
  if (result.outcome === 'RETRY') throw new DeliveryFailedError(result.error);
  if (result.outcome === 'DEAD') {
    if (isLastTry) throw new DeliveryFailedError(result.error);
    await boss.send(QUEUES.deliverMessageDead, { deliveryId, error: result.error });
  }
}
