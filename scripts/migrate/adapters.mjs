// Driver-adapter factories for the wasm schema engine, with the fixes docs/database.md lists:
// whole-script execution (atomic migrations, `$$` bodies), the "char" (oid 18) column type,
// a shadow database that really is a separate database, and PGlite instances that get closed.
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

const TEXT_OID = 25;
const CHAR_OID = 18;
const COLUMN_TYPE_CHARACTER = 6;
// Catalog types the adapters cannot map; the engine reads them as text.
const CATALOG_OIDS = new Set([
  19, 22, 24, 28, 29, 30, 32, 194, 1033, 2202, 2203, 2204, 2205, 2206, 3361, 3402, 3734, 3769, 4089, 4096,
]);

const openPglites = new Set();

/** Patches an adapter (or transaction) so unmapped catalog columns read as text and "char" as Character. */
function patchQueryable(q) {
  const performIO = q.performIO.bind(q);
  const queryRaw = q.queryRaw.bind(q);
  const charColumns = new WeakMap();
  q.performIO = async (query) => {
    const result = await performIO(query);
    if (result?.fields) {
      const chars = [];
      result.fields = result.fields.map((f, i) => {
        if (f.dataTypeID === CHAR_OID) chars.push(i);
        return f.dataTypeID === CHAR_OID || CATALOG_OIDS.has(f.dataTypeID) ? { ...f, dataTypeID: TEXT_OID } : f;
      });
      charColumns.set(query, chars);
    }
    return result;
  };
  q.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(query) ?? []) result.columnTypes[i] = COLUMN_TYPE_CHARACTER;
    return result;
  };
  if (typeof q.startTransaction === 'function') {
    const startTransaction = q.startTransaction.bind(q);
    q.startTransaction = async (...args) => patchQueryable(await startTransaction(...args));
  }
  return q;
}

/** adapter-pg splits scripts on ";" and runs the pieces one by one: not atomic, breaks `$$` bodies. */
function patchPgScript(adapter) {
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return patchQueryable(adapter);
}

/** pglite-prisma-adapter does not await exec(), so failures escape as unhandled rejections. */
function patchPgliteScript(adapter, client) {
  adapter.executeScript = async (script) => {
    try {
      await client.exec(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return patchQueryable(adapter);
}

async function openPglite(dataDir) {
  const client = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir);
  openPglites.add(client);
  return client;
}

async function pgliteAdapter(dataDir) {
  const client = await openPglite(dataDir);
  const factory = new PrismaPGlite(client);
  const adapter = patchPgliteScript(await factory.connect(), client);
  const dispose = adapter.dispose?.bind(adapter);
  adapter.dispose = async () => {
    await dispose?.();
    openPglites.delete(client);
    await client.close();
  };
  return adapter;
}

function pgConfig(url) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username || 'postgres'),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.slice(1) || 'postgres'),
    ssl: u.searchParams.get('sslmode') === 'require' ? { rejectUnauthorized: false } : undefined,
  };
}

async function pgAdapter(url) {
  return patchPgScript(await new PrismaPg(pgConfig(url)).connect());
}

/** A throw-away database on the main server, refused when the server ignores database names (pglite-socket). */
async function temporaryPgShadow(mainUrl) {
  const config = pgConfig(mainUrl);
  const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client(config);
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const adapter = await pgAdapter(urlWithDatabase(mainUrl, name));
  const check = await adapter.underlyingDriver().query('SELECT current_database() AS db');
  const dropShadow = async () => {
    const c = new pg.Client(config);
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
  if (check.rows[0]?.db !== name) {
    await adapter.dispose();
    await dropShadow().catch(() => {});
    throw new Error(
      'The server ignored the shadow database name (pglite-socket does this); set SHADOW_DATABASE_URL=pglite:memory://',
    );
  }
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await dropShadow();
  };
  return adapter;
}

function urlWithDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

const isPglite = (url) => url.startsWith('pglite:');
const pgliteDir = (url) => url.slice('pglite:'.length) || 'memory://';

/** A migration-aware adapter factory for `url` (postgres:// or pglite:<dir>), with its shadow database policy. */
export function createAdapterFactory(url, shadowUrl) {
  return {
    provider: 'postgres',
    adapterName: isPglite(url) ? 'pglite-prisma-adapter' : '@prisma/adapter-pg',
    connect: () => (isPglite(url) ? pgliteAdapter(pgliteDir(url)) : pgAdapter(url)),
    connectToShadowDb: () => {
      if (shadowUrl) return isPglite(shadowUrl) ? pgliteAdapter(pgliteDir(shadowUrl)) : pgAdapter(shadowUrl);
      return isPglite(url) ? pgliteAdapter('memory://') : temporaryPgShadow(url);
    },
  };
}

export async function closeAllPglites() {
  await Promise.all([...openPglites].map((c) => c.close().catch(() => {})));
  openPglites.clear();
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
export const isLocalUrl = (url) => isPglite(url) || LOCAL_HOSTS.has(new URL(url).hostname);
