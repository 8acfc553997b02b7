import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '::1', '[::1]'];

async function adminQuery(adminUrl: string, sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** The URL of an existing database `name` on the local server of TEST_DATABASE_URL; any other host is refused. */
export function localDatabaseUrl(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('a database name is [a-z0-9_]+');
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  if (!LOCAL_HOSTS.includes(url.hostname)) throw new Error(`Refusing non-local database ${url.hostname}`);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A migrated throw-away database on the local server of TEST_DATABASE_URL; benches refuse any other host. */
export async function createScratchDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const host = new URL(adminUrl).hostname;
  if (!LOCAL_HOSTS.includes(host)) throw new Error(`Refusing non-local database ${host}`);
  const name = `xunjian_bench_${randomBytes(4).toString('hex')}`;
  const scratch = new URL(adminUrl);
  scratch.pathname = `/${name}`;
  const url = scratch.toString();
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const drop = () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  try {
    execFileSync(process.execPath, ['scripts/prisma-wasm-migrate.mjs', 'deploy'], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: 'ignore',
    });
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, url, drop };
}
