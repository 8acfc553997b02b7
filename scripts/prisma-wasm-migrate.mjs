#!/usr/bin/env node
// Prisma migrations without Prisma's native schema engine (it cannot be downloaded offline).
// Drives @prisma/schema-engine-wasm through driver adapters; keeps prisma/migrations and
// _prisma_migrations in the standard format, so `prisma migrate deploy` works where the CLI can run.
//
//   create <name> [--empty]        new migration from schema changes (like `migrate dev --create-only`);
//                                  --empty writes an empty migration.sql for hand-written SQL
//   deploy                         apply pending migrations to DATABASE_URL
//   status                         show applied / pending / failed migrations (exit 1 if not up to date)
//   drift                          exit 2 when schema.prisma differs from the migrations (no server needed)
//   db-drift                       exit 2 when the live database differs from schema.prisma
//   resolve --rolled-back|--applied <name>
//   reset                          drop everything in a LOCAL database
// Flags: --schema <file> (default prisma/schema.prisma), --migrations <dir> (default prisma/migrations), --verbose
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { closeAllPglites, createAdapterFactory, isLocalUrl } from './migrate/adapters.mjs';
import { describeEngineError, NO_FILTER, openEngine } from './migrate/engine.mjs';
import { listMigrations, writeMigration } from './migrate/migrations.mjs';
import { withoutPartitionedUniques } from './migrate/partitioning.mjs';

const argv = process.argv.slice(2);
const flag = (name) => {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const value = argv[i + 1];
  argv.splice(i, 2);
  return value;
};
const hasFlag = (name) => {
  const i = argv.indexOf(name);
  if (i >= 0) argv.splice(i, 1);
  return i >= 0;
};

const schemaPath = resolve(flag('--schema') ?? 'prisma/schema.prisma');
const migrationsDir = flag('--migrations') ?? 'prisma/migrations';
const verbose = hasFlag('--verbose');
const empty = hasFlag('--empty');
const [command, ...rest] = argv;
const OFFLINE_COMMANDS = new Set(['create', 'drift']);

function databaseUrl() {
  const url = process.env.DATABASE_URL;
  if (url) return url;
  if (OFFLINE_COMMANDS.has(command)) return 'pglite:memory://';
  throw new Error('DATABASE_URL is not set');
}

const schema = () => ({ path: schemaPath, content: readFileSync(schemaPath, 'utf8') });

async function withEngine(fn) {
  const url = databaseUrl();
  const shadow =
    process.env.SHADOW_DATABASE_URL ||
    (OFFLINE_COMMANDS.has(command) && !process.env.DATABASE_URL ? 'pglite:memory://' : undefined);
  const engine = await openEngine(schema(), createAdapterFactory(url, shadow), { verbose });
  try {
    return await fn(engine, url);
  } finally {
    engine.free();
  }
}

// A diff that only proposes the unique indexes the partitioned tables keep per partition is no diff
// (scripts/migrate/partitioning.mjs).
const withoutPartitioning = (result) => {
  if (result.exitCode !== 2) return result;
  const { script, removed } = withoutPartitionedUniques(result.stdout);
  if (removed.length && verbose) console.error(`Left out (unique per partition): ${removed.join(' ')}`);
  return script ? { ...result, stdout: script } : { ...result, exitCode: 0, stdout: '' };
};

const diffMigrationsToSchema = async (engine, exitCode) => {
  const list = listMigrations(migrationsDir);
  const from = list.migrationDirectories.length ? { tag: 'migrations', ...list } : { tag: 'empty' };
  return withoutPartitioning(
    await engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [schema()] },
      script: true,
      exitCode,
      filters: NO_FILTER,
    }),
  );
};

const commands = {
  async create([name]) {
    if (!name) throw new Error('usage: create <name> [--empty]');
    if (empty) {
      console.log(`Created ${writeMigration(migrationsDir, name, '-- Hand-written migration.\n')}`);
      return 0;
    }
    return withEngine(async (engine) => {
      const result = await diffMigrationsToSchema(engine, true);
      if (result.exitCode !== 2) {
        console.log('No changes: schema.prisma matches the migrations.');
        return 0;
      }
      console.log(`Created ${writeMigration(migrationsDir, name, result.stdout)}`);
      return 0;
    });
  },
  async deploy() {
    return withEngine(async (engine) => {
      const { appliedMigrationNames } = await engine.applyMigrations({
        migrationsList: listMigrations(migrationsDir),
        filters: NO_FILTER,
      });
      console.log(
        appliedMigrationNames.length ? `Applied: ${appliedMigrationNames.join(', ')}` : 'No pending migrations.',
      );
      return 0;
    });
  },
  async status() {
    return withEngine(async (engine) => {
      const list = listMigrations(migrationsDir);
      const d = await engine.diagnoseMigrationHistory({
        migrationsList: list,
        optInToShadowDatabase: false,
        filters: NO_FILTER,
      });
      console.log(`${list.migrationDirectories.length} migrations in ${migrationsDir}`);
      if (d.failedMigrationNames.length) console.log(`Failed: ${d.failedMigrationNames.join(', ')}`);
      if (d.editedMigrationNames.length) console.log(`Edited after apply: ${d.editedMigrationNames.join(', ')}`);
      if (d.history) console.log(`History: ${JSON.stringify(d.history)}`);
      const isUpToDate =
        !d.history && !d.failedMigrationNames.length && !d.editedMigrationNames.length && d.hasMigrationsTable;
      console.log(isUpToDate ? 'Database schema is up to date.' : 'Database is not up to date.');
      return isUpToDate ? 0 : 1;
    });
  },
  async drift() {
    return withEngine(async (engine) => {
      const result = await diffMigrationsToSchema(engine, true);
      if (result.exitCode === 2) {
        console.error('schema.prisma has changes without a migration. Run: npm run db:new -- <name>\n');
        console.error(result.stdout);
        return 2;
      }
      console.log('No drift: the migrations produce schema.prisma.');
      return 0;
    });
  },
  async 'db-drift'() {
    return withEngine(async (engine) => {
      const result = withoutPartitioning(
        await engine.diff({
          from: { tag: 'schemaDatasource', files: [schema()], configDir: process.cwd() },
          to: { tag: 'schemaDatamodel', files: [schema()] },
          script: true,
          exitCode: true,
          filters: NO_FILTER,
        }),
      );
      if (result.exitCode === 2) {
        console.error('The database differs from schema.prisma:\n');
        console.error(result.stdout);
        return 2;
      }
      console.log('No drift: the database matches schema.prisma.');
      return 0;
    });
  },
  async resolve(args) {
    const rolledBack = args.indexOf('--rolled-back');
    const applied = args.indexOf('--applied');
    const name = args[(rolledBack >= 0 ? rolledBack : applied) + 1];
    if ((rolledBack < 0 && applied < 0) || !name) throw new Error('usage: resolve --rolled-back|--applied <migration>');
    return withEngine(async (engine) => {
      if (rolledBack >= 0) await engine.markMigrationRolledBack({ migrationName: name });
      else await engine.markMigrationApplied({ migrationName: name, migrationsList: listMigrations(migrationsDir) });
      console.log(`Marked ${name} as ${rolledBack >= 0 ? 'rolled back' : 'applied'}.`);
      return 0;
    });
  },
  async reset() {
    if (!isLocalUrl(databaseUrl())) throw new Error('reset refuses non-local databases');
    return withEngine(async (engine) => {
      await engine.reset({ filter: NO_FILTER });
      console.log('Database reset.');
      return 0;
    });
  },
};

let code = 1;
try {
  const run = commands[command];
  if (!run) throw new Error(`unknown command "${command ?? ''}"; expected one of: ${Object.keys(commands).join(', ')}`);
  code = await run(rest);
} catch (error) {
  console.error(`prisma-wasm-migrate ${command ?? ''}: ${describeEngineError(error)}`);
  code = 1;
} finally {
  await closeAllPglites();
}
// The pg pool's idle timer would otherwise keep the process alive for ~10 s.
process.exit(code);
