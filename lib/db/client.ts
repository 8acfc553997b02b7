import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client';

const GLOBAL_KEY = Symbol.for('xunjian.prisma');
type GlobalWithPrisma = typeof globalThis & { [GLOBAL_KEY]?: PrismaClient };

export function createPrismaClient(connectionString: string, poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 5)): PrismaClient {
  // Pool kept small by default: the embedded PGlite socket accepts at most 10 connections.
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // The dashboard's queries aggregate tens of thousands of rows in well under a second; PostgreSQL's JIT spent
  // ~200 ms compiling each of them (measured with npm run bench:dashboard), more than it saved.
  pool.on('connect', (client) => {
    client.query('SET jit = off').catch(() => {});
  });
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
