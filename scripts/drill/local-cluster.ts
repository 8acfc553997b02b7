// A throw-away PostgreSQL cluster of its own (initdb into a temp dir, pg_ctl on a free loopback port, trust auth)
// for drills and tests that restart PostgreSQL or need a streaming replica: the machine's shared cluster on 5432
// serves every session and CI and must never be restarted. Root cannot run initdb or postgres, so as root every
// PostgreSQL program runs as the `postgres` system user (runuser), which Debian's postgresql package creates.
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export type LocalCluster = {
  port: number;
  dataDir: string;
  /** postgresql://postgres@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  /** pg_ctl restart (fast shutdown: every connection is cut), waits until it accepts connections again. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** Stops the cluster and removes its directory. */
  destroy(): Promise<void>;
};

/** The newest installed PostgreSQL's bin directory (Debian layout), or PG_BIN_DIR. */
export function postgresBinDir(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new Error('No PostgreSQL server binaries in /usr/lib/postgresql; set PG_BIN_DIR');
  return join(root, versions[0]!, 'bin');
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL program; as root through `runuser -u postgres` (initdb and postgres refuse root). */
async function pgProgram(program: string, args: string[], timeoutMs = 120_000): Promise<string> {
  const bin = join(postgresBinDir(), program);
  const [file, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  try {
    const { stdout } = await run(file, argv, { timeout: timeoutMs, cwd: tmpdir() });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${program} failed: ${e.stderr || e.message}`);
  }
}

/** A free loopback port (bound then released; the tiny race is acceptable for tests). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function makeDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (isRoot()) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  return dir;
}

let cachedUser: { uid: number; gid: number } | null = null;
function postgresUser(): { uid: number; gid: number } {
  if (cachedUser) return cachedUser;
  const line = readFileSync('/etc/passwd', 'utf8') // name:x:uid:gid:...
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line)
    throw new Error('Running as root needs a `postgres` system user to run PostgreSQL as (apt install postgresql)');
  const [, , uid, gid] = line.split(':');
  cachedUser = { uid: Number(uid), gid: Number(gid) };
  return cachedUser;
}

/** Settings for a disposable cluster: small, no durability (fsync off), loopback only, socket in its own dir. */
const serverOptions = (port: number, dataDir: string) =>
  [
    `-p ${port}`,
    `-k ${dataDir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c shared_buffers=64MB',
    '-c max_connections=200',
    '-c jit=off',
  ].join(' ');

async function waitReady(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      await c.query('SELECT 1');
      await c.end();
      return;
    } catch (error) {
      await c.end().catch(() => {});
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function clusterHandle(dataDir: string, port: number): LocalCluster {
  const url = (database = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  const ctl = (action: 'start' | 'restart' | 'stop', extra: string[] = []) =>
    pgProgram('pg_ctl', [
      '-D',
      dataDir,
      '-l',
      join(dataDir, 'server.log'),
      '-o',
      serverOptions(port, dataDir),
      '-w',
      '-t',
      '60',
      ...extra,
      action,
    ]);
  let stopped = false;
  return {
    port,
    dataDir,
    url,
    async restart() {
      await ctl('restart', ['-m', 'fast']);
      await waitReady(url());
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await pgProgram('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => {});
    },
    async destroy() {
      await this.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    // Internal: used by startLocalCluster.
    ...{ _start: () => ctl('start') },
  } as LocalCluster & { _start: () => Promise<string> };
}

/** initdb + pg_ctl start on a free port; call destroy() when done. */
export async function startLocalCluster(): Promise<LocalCluster> {
  const dataDir = makeDir('xunjian-pg-');
  await pgProgram('initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
    '--no-instructions',
  ]);
  const port = await freePort();
  const cluster = clusterHandle(dataDir, port) as LocalCluster & { _start: () => Promise<string> };
  await cluster._start();
  await waitReady(cluster.url());
  return cluster;
}

/**
 * A physical streaming replica of `primary` (pg_basebackup -R: standby.signal + primary_conninfo), started on
 * its own port. Read-only; replays the primary's WAL within milliseconds on loopback.
 */
export async function startStreamingReplica(primary: LocalCluster): Promise<LocalCluster> {
  const dataDir = makeDir('xunjian-pg-replica-');
  await pgProgram('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-D',
    dataDir,
    '-R',
    '-X',
    'stream',
    '--checkpoint=fast',
    '--no-sync',
  ]);
  const port = await freePort();
  const cluster = clusterHandle(dataDir, port) as LocalCluster & { _start: () => Promise<string> };
  await cluster._start();
  await waitReady(cluster.url());
  return cluster;
}

/**
 * A database on `cluster` with every migration applied (scripts/prisma-wasm-migrate.mjs deploy) and, unless
 * `reference` is false, the reference data (scripts/db-reference.ts); returns its URL.
 */
export async function createMigratedDatabase(
  cluster: LocalCluster,
  name = 'xunjian',
  { reference = true }: { reference?: boolean } = {},
): Promise<string> {
  const admin = new pg.Client({ connectionString: cluster.url() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = cluster.url(name);
  const env = { ...process.env, DATABASE_URL: url };
  await run(process.execPath, ['scripts/prisma-wasm-migrate.mjs', 'deploy'], { env, timeout: 300_000 });
  if (reference) await run(process.execPath, ['--import', 'tsx', 'scripts/db-reference.ts'], { env, timeout: 120_000 });
  return url;
}
