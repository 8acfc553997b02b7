import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPrismaClient } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { adminDatabaseUrl, databaseUrlFor } from './local-database';

export type TestDatabase = { name: string; url: string; db: PrismaClient; drop: () => Promise<void> };

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('templateDatabase');
  const name = `xunjian_test_${randomBytes(5).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = databaseUrlFor(name);
  const db = createPrismaClient(url, 4);
  return {
    name,
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
