import pg from 'pg';

/** Arbitrary but fixed: every worker process competes for the same PostgreSQL advisory lock. */
export const SCHEDULER_LOCK_KEY = 7_277_431_001;

export type LeaderLock = {
  isLeader(): boolean;
  /** Tries once now, then keeps checking every `intervalMs`: re-acquires after a lost connection. */
  start(): Promise<void>;
  stop(): Promise<void>;
};

type LockLog = (event: 'ACQUIRED' | 'LOST' | 'ERROR', detail?: string) => void;

/**
 * Scheduler leadership held as a session advisory lock on a dedicated connection: with N workers on
 * N machines exactly one runs the cron table. If that connection dies, PostgreSQL releases the lock
 * and another process takes over on its next check.
 */
export function createLeaderLock({
  connectionString,
  intervalMs = 10_000,
  key = SCHEDULER_LOCK_KEY,
  log = () => {},
}: {
  connectionString: string;
  intervalMs?: number;
  key?: number;
  log?: LockLog;
}): LeaderLock {
  let client: pg.Client | null = null;
  let isHeld = false;
  let timer: NodeJS.Timeout | null = null;
  let isStopped = false;
  let checking: Promise<void> | null = null;

  const drop = async (reason: string) => {
    if (isHeld) log('LOST', reason);
    isHeld = false;
    const old = client;
    client = null;
    await old?.end().catch(() => {});
  };

  const connect = async (): Promise<pg.Client> => {
    const c = new pg.Client({ connectionString, application_name: 'xunjian-scheduler-lock', keepAlive: true });
    c.on('error', (error) => void drop(error.message));
    await c.connect();
    client = c;
    return c;
  };

  const check = async () => {
    try {
      const c = client ?? (await connect());
      if (isHeld) {
        await c.query('SELECT 1');
        return;
      }
      const { rows } = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key]);
      if (rows[0]?.ok) {
        isHeld = true;
        log('ACQUIRED');
      }
    } catch (error) {
      log('ERROR', error instanceof Error ? error.message : String(error));
      await drop(error instanceof Error ? error.message : String(error));
    }
  };

  const tick = () => {
    checking ??= check().finally(() => {
      checking = null;
    });
    return checking;
  };

  return {
    isLeader: () => isHeld && client !== null,
    async start() {
      isStopped = false;
      await tick();
      timer = setInterval(() => void (isStopped ? undefined : tick()), intervalMs);
    },
    async stop() {
      isStopped = true;
      if (timer) clearInterval(timer);
      await checking;
      if (client && isHeld) await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => {});
      isHeld = false;
      await drop('stopped');
    },
  };
}
