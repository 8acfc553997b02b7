import { z } from 'zod';

/** GET /api/worker-status: is some worker process alive (its heartbeat recent), and when one was last seen. */
export const workerStatusSchema = z.object({
  alive: z.boolean(),
  /** Worker processes that touched their heartbeat within the liveness window. */
  workers: z.number().int().nonnegative(),
  lastSeenAt: z.iso.datetime().nullable(),
  aliveWithinSeconds: z.number().int().positive(),
});
export type WorkerStatus = z.infer<typeof workerStatusSchema>;
