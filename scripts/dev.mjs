#!/usr/bin/env node
// `npm run dev`: with no DATABASE_URL, starts an embedded PostgreSQL (PGlite in .pglite/) behind
// a wire-protocol socket (scripts/pglite-server.mjs) so the app uses the same `pg` driver path as production; then migrates, seeds the
// demo province on first start, and runs the command after `--` plus the companion processes.
//   node scripts/dev.mjs -- next dev        (npm run dev)
//   node scripts/dev.mjs --db-only          (embedded DB + migrations + seed, keeps running)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { devCompanions } from './dev-companions.mjs';

const args = process.argv.slice(2);
const isDbOnly = args.includes('--db-only');
const command = args.includes('--') ? args.slice(args.indexOf('--') + 1) : [];
const children = new Set();
let pgliteServer = null;
let pglite = null;

async function startEmbeddedDatabase() {
  const { PGlite } = await import('@electric-sql/pglite');
  const { startPgliteServer } = await import('./pglite-server.mjs');
  const dir = resolve(process.env.PGLITE_DIR ?? '.pglite');
  const port = Number(process.env.PGLITE_PORT ?? 5433);
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  pglite = await PGlite.create(dir);
  pgliteServer = await startPgliteServer({ db: pglite, host: '127.0.0.1', port });
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  console.log(`[dev] embedded PostgreSQL (PGlite) on ${url}, data in ${dir} (${Date.now() - started} ms)`);
  return url;
}

// Asynchronous on purpose: the embedded database answers from this process's event loop.
async function runStep(label, cmd, cmdArgs, env) {
  const started = Date.now();
  const code = await new Promise((resolveExit) =>
    spawn(cmd, cmdArgs, { env, stdio: 'inherit' }).on('exit', resolveExit),
  );
  if (code !== 0) throw new Error(`${label} failed (exit ${code})`);
  console.log(`[dev] ${label} done in ${Date.now() - started} ms`);
}

function startChild(name, cmd, cmdArgs, env) {
  const child = spawn(cmd, cmdArgs, { env, stdio: 'inherit' });
  children.add(child);
  child.on('exit', (code) => {
    children.delete(child);
    if (name === 'main') void shutdown(code ?? 0);
  });
  return child;
}

let isShuttingDown = false;
async function shutdown(code) {
  if (isShuttingDown) return;
  isShuttingDown = true;
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, children.size ? 1500 : 0));
  for (const child of children) child.kill('SIGKILL');
  if (pgliteServer) await pgliteServer.stop().catch(() => {});
  if (pglite) await pglite.close().catch(() => {});
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

/** CREDENTIALS_KEY from the environment or .env.local/.env, else an ephemeral one for this run only. */
function devCredentialsKey() {
  if (process.env.CREDENTIALS_KEY) return {};
  const inFile = ['.env.local', '.env'].some(
    (f) => existsSync(f) && /^CREDENTIALS_KEY=\S/m.test(readFileSync(f, 'utf8')),
  );
  if (inFile) return {};
  console.log(
    '[dev] CREDENTIALS_KEY not set: using an ephemeral key; credentials saved in this run cannot be decrypted after a restart',
  );
  return { CREDENTIALS_KEY: randomBytes(32).toString('base64') };
}

try {
  const isEmbedded = !process.env.DATABASE_URL;
  const databaseUrl = isEmbedded ? await startEmbeddedDatabase() : process.env.DATABASE_URL;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: '1',
    ...devCredentialsKey(),
    // The embedded database is always demo data: show the demo sign-ins.
    ...(isEmbedded ? { XUNJIAN_DEMO: process.env.XUNJIAN_DEMO ?? '1' } : {}),
  };
  await runStep('migrations', process.execPath, ['scripts/prisma-wasm-migrate.mjs', 'deploy'], env);
  await runStep('demo seed', process.execPath, ['--import', 'tsx', 'prisma/seed.ts', '--if-empty'], env);
  for (const c of devCompanions({ isDemo: env.XUNJIAN_DEMO === '1' }))
    startChild(c.name, c.command, c.args, { ...env, ...(c.env ?? {}) });
  if (command.length > 0) {
    const [cmd, ...rest] = command;
    startChild('main', resolve('node_modules/.bin', cmd), rest, env);
  } else if (!isDbOnly) {
    throw new Error('nothing to run: pass `-- <command>` or --db-only');
  }
} catch (error) {
  console.error(`[dev] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
