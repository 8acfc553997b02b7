import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { adminDatabaseUrl, databaseUrlFor } from './local-database';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

function migrationsHash(): string {
  const dir = join(process.cwd(), 'prisma/migrations');
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.toml')) continue;
    hash.update(name).update(readFileSync(join(dir, name, 'migration.sql')));
  }
  return hash.digest('hex').slice(0, 12);
}

/** Builds one migrated template database; each test file clones it (CREATE DATABASE … TEMPLATE). */
export default async function setup(project: TestProject): Promise<void> {
  const template = `xunjian_tpl_${migrationsHash()}`;
  const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${template}"`);
      execFileSync(process.execPath, ['scripts/prisma-wasm-migrate.mjs', 'deploy'], {
        env: { ...process.env, DATABASE_URL: databaseUrlFor(template) },
        stdio: 'inherit',
      });
    }
  } finally {
    await admin.end();
  }
  project.provide('templateDatabase', template);
}
