import type { Db } from '@/lib/db/types';
import { listDueDeliveries, markDeliveriesQueued } from '@/lib/data/deliveries';

/**
 * Hands due PENDING deliveries to the queue: `enqueue` inserts the jobs (ids derived from the delivery, so a
 * repeat is a no-op), then they are marked QUEUED. A crash in between leaves them PENDING: the next tick re-sends
 * the same job ids, which the queue ignores.
 */
export async function takeDueDeliveries({
  db,
  now,
  enqueue,
  limit = 200,
}: {
  db: Db;
  now: Date;
  enqueue: (ids: string[]) => Promise<void>;
  limit?: number;
}): Promise<number> {
  const ids = await listDueDeliveries(db, now, limit);
  if (ids.length === 0) return 0;
  await enqueue(ids);
  await markDeliveriesQueued(db, ids, now);
  return ids.length;
}
