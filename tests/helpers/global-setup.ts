import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { PLATFORM_ROWS } from '@/crawlers/registry';
import { referenceDataFingerprint } from '@/lib/services/ensure-scoring-config';
import { adminDatabaseUrl, databaseUrlFor } from './local-database';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/**
 * Keyed on the migrations and the reference data (edition, lexicons and the registry's platform rows), since the
 * template holds them all (like `npm run db:migrate`).
 */
function templateHash(): string {
  const dir = join(process.cwd(), 'prisma/migrations');
  const hash = createHash('sha256').update(referenceDataFingerprint()).update(JSON.stringify(PLATFORM_ROWS));
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.toml')) continue;
    hash.update(name).update(readFileSync(join(dir, name, 'migration.sql')));
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * Builds one template database the way a deployment does (`npm run db:migrate`: migrations, then the reference
 * data step); each test file clones it (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject): Promise<void> {
  const template = `xunjian_tpl_${templateHash()}`;
  const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${template}"`);
      const env = { ...process.env, DATABASE_URL: databaseUrlFor(template) };
      try {
        execFileSync(process.execPath, ['scripts/prisma-wasm-migrate.mjs', 'deploy'], { env, stdio: 'inherit' });
        execFileSync(process.execPath, ['--import', 'tsx', 'scripts/db-reference.ts'], { env, stdio: 'inherit' });
      } catch (error) {
        // A half-built template would be reused by every later run.
        await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
        throw error;
      }
    }
  } finally {
    await admin.end();
  }
  project.provide('templateDatabase', template);
}
