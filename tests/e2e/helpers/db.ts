import { createPrismaClient } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';

/** The URL of the database the e2e server seeded (same derivation as scripts/e2e-server.mjs). */
export function e2eDatabaseUrl(): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${process.env.E2E_DATABASE_NAME ?? 'xunjian_e2e'}`;
  return url.toString();
}

export function e2eDb(): PrismaClient {
  return createPrismaClient(e2eDatabaseUrl(), 2);
}
