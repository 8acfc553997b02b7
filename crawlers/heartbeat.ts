import { hostname } from 'node:os';
import type { PrismaClient } from '@/lib/db/types';
import {
  forgetWorkerHeartbeat,
  heartbeatIntervalSeconds,
  recordWorkerHeartbeat,
} from '@/lib/services/worker-heartbeat';

/**
 * The worker's sign of life (table worker_heartbeat): touched at start and every WORKER_HEARTBEAT_SECONDS, removed
 * on a clean stop. The dashboard warns when no row is recent (docs/deploying.md, "Worker liveness"). A failed beat is
 * logged and retried at the next tick: the database being away is what the banner should then show.
 */
export async function startHeartbeat({
  db,
  log,
  now = () => new Date(),
}: {
  db: PrismaClient;
  log: (kind: string, extra?: Record<string, unknown>) => void;
  now?: () => Date;
}) {
  const startedAt = now();
  const row = {
    id: `${hostname()}:${process.pid}:${startedAt.getTime()}`,
    hostname: hostname(),
    pid: process.pid,
    startedAt,
  };
  const beat = async () => {
    try {
      await recordWorkerHeartbeat({ db, row, now: now() });
    } catch (error) {
      log('HEARTBEAT_FAILED', { message: error instanceof Error ? error.message : String(error) });
    }
  };
  await beat();
  const timer = setInterval(() => void beat(), heartbeatIntervalSeconds() * 1000);
  return {
    id: row.id,
    async stop() {
      clearInterval(timer);
      await forgetWorkerHeartbeat({ db, id: row.id }).catch(() => undefined);
    },
  };
}
