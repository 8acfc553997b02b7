import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import {
  deleteHeartbeat,
  deleteHeartbeatsSeenBefore,
  readHeartbeats,
  touchHeartbeat,
  type HeartbeatRow,
} from '@/lib/data/worker-heartbeat';
import type { WorkerStatus } from '@/lib/schemas/worker-status';

const envSeconds = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= 1 ? value : fallback;
};

/** How often a worker touches its row (WORKER_HEARTBEAT_SECONDS, 60). */
export const heartbeatIntervalSeconds = (): number => envSeconds('WORKER_HEARTBEAT_SECONDS', 60);
/** A worker is alive when its row was touched within WORKER_ALIVE_SECONDS (180: three missed beats). */
export const aliveWithinSeconds = (): number => envSeconds('WORKER_ALIVE_SECONDS', 180);
/** Rows of processes silent for a day are deleted by the next beat of any worker. */
const FORGET_AFTER_MS = 86_400_000;

/** One beat of a worker process: touch its row, forget processes silent for a day. */
export async function recordWorkerHeartbeat({
  row,
  now,
  db = getDb(),
}: {
  row: HeartbeatRow;
  now: Date;
  db?: Db;
}): Promise<void> {
  await touchHeartbeat(db, row, now);
  await deleteHeartbeatsSeenBefore(db, new Date(now.getTime() - FORGET_AFTER_MS));
}

/** A worker stopping cleanly removes its row, so the dashboard says at once that no worker runs. */
export async function forgetWorkerHeartbeat({ id, db = getDb() }: { id: string; db?: Db }): Promise<void> {
  await deleteHeartbeat(db, id);
}

export async function getWorkerStatus({ now, db = getDb() }: { now: Date; db?: Db }): Promise<WorkerStatus> {
  const within = aliveWithinSeconds();
  const { lastSeenAt, alive } = await readHeartbeats(db, new Date(now.getTime() - within * 1000));
  return {
    alive: alive > 0,
    workers: alive,
    lastSeenAt: lastSeenAt?.toISOString() ?? null,
    aliveWithinSeconds: within,
  };
}
