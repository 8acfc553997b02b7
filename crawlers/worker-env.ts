import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const workerEnvSchema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required for the worker'),
  WORKER_CONCURRENCY: positiveInt(4),
  WORKER_CRAWL_INTERVAL_MINUTES: positiveInt(360),
  WORKER_LEADER_CHECK_SECONDS: positiveInt(10),
  WORKER_STOP_TIMEOUT_SECONDS: positiveInt(30),
  /** `off` runs queue workers only; leadership is then never sought by this process. */
  WORKER_SCHEDULER: z.enum(['on', 'off']).default('on'),
});
export type WorkerEnv = z.infer<typeof workerEnvSchema>;

export function loadWorkerEnv(env: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const parsed = workerEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid worker configuration: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
