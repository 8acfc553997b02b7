import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDatabaseUrl, databaseUrlFor } from '../helpers/local-database';

const TOOL = join(process.cwd(), 'scripts/prisma-wasm-migrate.mjs');
const dir = mkdtempSync(join(tmpdir(), 'xunjian-migrate-'));
const schemaPath = join(dir, 'schema.prisma');
const migrations = join(dir, 'migrations');
const dbName = `xunjian_migrate_${Date.now()}`;
const url = databaseUrlFor(dbName);

const SCHEMA_V1 = `datasource db {\n  provider = "postgresql"\n}\n\nmodel Item {\n  id   Int    @id @default(autoincrement())\n  name String\n  @@map("item")\n}\n`;
const SCHEMA_V2 = SCHEMA_V1.replace('  name String\n', '  name String\n  note String?\n');

function tool(args: string[], withDb = true) {
  const { DATABASE_URL: _unused, ...base } = process.env;
  const env = withDb ? { ...base, DATABASE_URL: url } : base;
  const r = spawnSync(process.execPath, [TOOL, ...args, '--schema', schemaPath, '--migrations', migrations], {
    env,
    encoding: 'utf8',
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  writeFileSync(schemaPath, SCHEMA_V1);
});

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
});

// Each drift/create spins up in-memory PGlite twice for the wasm engine: ~20 s idle, over a minute on a busy machine.
describe('prisma-wasm-migrate', { timeout: 240_000 }, () => {
  it('reports drift without a server, creates a standard migration, then reports none', () => {
    expect(tool(['drift'], false).code).toBe(2);
    const created = tool(['create', 'init'], false);
    expect(created.code, created.out).toBe(0);
    expect(readdirSync(migrations).sort()).toEqual([expect.stringMatching(/^\d{14}_init$/), 'migration_lock.toml']);
    expect(tool(['drift'], false).code).toBe(0);
    expect(tool(['create', 'noop'], false).out).toContain('No changes');
  });

  it('deploys with the standard checksum, is idempotent, and the live database matches', async () => {
    expect(tool(['deploy']).code).toBe(0);
    const folder = readdirSync(migrations).find((n) => n.endsWith('_init')) ?? '';
    const sql = readFileSync(join(migrations, folder, 'migration.sql'));
    const rows = await query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM _prisma_migrations',
    );
    expect(rows).toEqual([{ migration_name: folder, checksum: createHash('sha256').update(sql).digest('hex') }]);
    expect(tool(['deploy']).out).toContain('No pending migrations');
    expect(tool(['status']).code).toBe(0);
    expect(tool(['db-drift']).code).toBe(0);
  });

  it('a failing migration is atomic and blocks deploys until resolved; a $$ body applies', async () => {
    const bad = join(migrations, '20990101000000_bad');
    mkdirSync(bad);
    writeFileSync(
      join(bad, 'migration.sql'),
      'CREATE TABLE "tmp_left_behind" (id int);\nSELECT * FROM "no_such_table";\n',
    );
    expect(tool(['deploy']).code).toBe(1);
    expect(await query("SELECT 1 FROM pg_tables WHERE tablename = 'tmp_left_behind'")).toEqual([]);
    expect(tool(['deploy']).out).toMatch(/failed/i);
    expect(tool(['resolve', '--rolled-back', '20990101000000_bad']).code).toBe(0);
    writeFileSync(
      join(bad, 'migration.sql'),
      `CREATE FUNCTION add_one(i int) RETURNS int AS $$ BEGIN RETURN i + 1; END; $$ LANGUAGE plpgsql;\n`,
    );
    const fixed = tool(['deploy']);
    expect(fixed.code, fixed.out).toBe(0);
    expect(await query<{ v: number }>('SELECT add_one(41) AS v')).toEqual([{ v: 42 }]);
  });

  it('a schema change without a migration is drift until db:new creates one', () => {
    writeFileSync(schemaPath, SCHEMA_V2);
    expect(tool(['drift'], false).code).toBe(2);
    expect(tool(['create', 'add_note'], false).code).toBe(0);
    expect(tool(['drift'], false).code).toBe(0);
    expect(tool(['deploy']).code).toBe(0);
    expect(
      execFileSync(process.execPath, [TOOL, 'db-drift', '--schema', schemaPath, '--migrations', migrations], {
        env: { ...process.env, DATABASE_URL: url },
        encoding: 'utf8',
      }),
    ).toContain('No drift');
  });
});
