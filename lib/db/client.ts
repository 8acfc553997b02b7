import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client';

const GLOBAL_KEY = Symbol.for('xunjian.prisma');
const READ_KEY = Symbol.for('xunjian.prisma.read');
type GlobalWithPrisma = typeof globalThis & { [GLOBAL_KEY]?: PrismaClient; [READ_KEY]?: PrismaClient };

export function createPrismaClient(
  connectionString: string,
  poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 5),
): PrismaClient {
  // Pool kept small by default: the embedded PGlite socket accepts at most 10 connections.
  // The dashboard's queries aggregate tens of thousands of rows in well under a second; PostgreSQL's JIT spent
  // ~200 ms compiling each of them (measured with npm run bench:dashboard), more than it saved. Set as a startup
  // parameter, not with a `SET` on connect: a query issued from the pool's connect event runs alongside the
  // checkout's first query on the same client, which pg deprecates (and pg@9 will refuse).
  const pool = new pg.Pool({ connectionString, max: poolSize, options: '-c jit=off' });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({ adapter });
}

/** The process-wide client; cached on globalThis so Next.js hot reloads reuse one pool. */
export function getDb(): PrismaClient {
  const g = globalThis as GlobalWithPrisma;
  const existing = g[GLOBAL_KEY];
  if (existing) return existing;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set; start through `npm run dev` or set it (see .env.example)');
  const client = createPrismaClient(url);
  g[GLOBAL_KEY] = client;
  return client;
}

/**
 * The client for dashboard page reads: a connection pool on `DATABASE_REPLICA_URL` (a streaming replica of
 * DATABASE_URL's server) when set, else the primary's (getDb()). Only read-only page services take it by default
 * (docs/deployment.md "Reads from a replica"): they tolerate the replica's lag. Writes, transactions and reads of
 * what the user has just changed use getDb(). Own routing rather than @prisma/extension-read-replicas, which would
 * send every non-transaction read of the whole app (sign-in, read-after-write in services) to the replica.
 */
export function getReadDb(): PrismaClient {
  const url = process.env.DATABASE_REPLICA_URL;
  if (!url) return getDb();
  const g = globalThis as GlobalWithPrisma;
  const existing = g[READ_KEY];
  if (existing) return existing;
  const size = Number(process.env.DATABASE_REPLICA_POOL_SIZE ?? process.env.DATABASE_POOL_SIZE ?? 5);
  const client = createPrismaClient(url, size);
  g[READ_KEY] = client;
  return client;
}
