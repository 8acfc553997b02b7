import { getDb } from '@/lib/db/client';
import { readDatabaseInfo } from '@/lib/data/health';
import { getWorkerStatus } from './worker-heartbeat';

export type HealthDto = {
  status: 'ok' | 'degraded';
  database: { ok: boolean; version: string | null; migrations: number | null; error?: string };
  /** Null when the database could not be asked. A missing worker does not make the web server unhealthy. */
  worker: { alive: boolean; lastSeenAt: string | null } | null;
};

export async function checkHealth({ now = new Date() }: { now?: Date } = {}): Promise<HealthDto> {
  try {
    const db = getDb();
    const [info, worker] = await Promise.all([readDatabaseInfo(db), getWorkerStatus({ now, db })]);
    return {
      status: 'ok',
      database: { ok: true, ...info },
      worker: { alive: worker.alive, lastSeenAt: worker.lastSeenAt },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      status: 'degraded',
      database: { ok: false, version: null, migrations: null, error: message },
      worker: null,
    };
  }
}

/** What anonymous callers (load balancers, smoke checks) see: up or not, never the server version or an error text. */
export type PublicHealthDto = {
  status: HealthDto['status'];
  database: { ok: boolean; migrations: number | null };
  worker: { alive: boolean } | null;
};

export function toPublicHealth(health: HealthDto): PublicHealthDto {
  return {
    status: health.status,
    database: { ok: health.database.ok, migrations: health.database.migrations },
    worker: health.worker ? { alive: health.worker.alive } : null,
  };
}
