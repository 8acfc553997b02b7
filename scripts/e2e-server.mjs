// Starts the app for Playwright: fresh local database, migrations, demo seed, `next build`, then the production
// server (`scripts/serve.mjs`, what `npm start` runs).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const port = process.argv.includes('--port') ? process.argv[process.argv.indexOf('--port') + 1] : '3100';
const admin = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const adminUrl = new URL(admin);
if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(adminUrl.hostname)) {
  console.error(`Refusing to run e2e against non-local database host ${adminUrl.hostname}`);
  process.exit(1);
}
const dbName = process.env.E2E_DATABASE_NAME ?? 'xunjian_e2e';
const dbUrl = new URL(admin);
dbUrl.pathname = `/${dbName}`;
const env = {
  ...process.env,
  DATABASE_URL: dbUrl.toString(),
  NEXT_TELEMETRY_DISABLED: '1',
  XUNJIAN_DEMO: '1',
  // Specs sign in through the API many times a minute from one address.
  AUTH_SIGNIN_PER_MINUTE: '1000',
  // Specs write the database directly (or through the worker) and read the pages at once; the shared dashboard reads
  // (lib/cache/read-cache.ts) would show such writes seconds later. Their unit test and bench:load cover the cache.
  DASHBOARD_CACHE_SECONDS: process.env.DASHBOARD_CACHE_SECONDS ?? '0',
  // The demo province (63 agencies) would send its findings picker whole; this low bound makes it send the top and
  // load the rest on demand, the path of a real province (tests/e2e/agency-picker-lazy.spec.ts).
  AGENCY_PICKER_EAGER_MAX: process.env.AGENCY_PICKER_EAGER_MAX ?? '12',
  BETTER_AUTH_SECRET: randomBytes(32).toString('hex'),
  // Ephemeral: the e2e database is recreated on every run, and with it every stored credential.
  CREDENTIALS_KEY: process.env.CREDENTIALS_KEY ?? randomBytes(32).toString('base64'),
  BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
};

const client = new pg.Client({ connectionString: admin });
await client.connect();
await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
await client.query(`CREATE DATABASE "${dbName}"`);
await client.end();

function run(cmd, args) {
  const result = spawnSync(cmd, args, { env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`e2e-server: ${cmd} ${args.join(' ')} failed with ${result.status}`);
    process.exit(result.status ?? 1);
  }
}

run(process.execPath, ['scripts/prisma-wasm-migrate.mjs', 'deploy']);
run('npx', ['tsx', 'prisma/seed.ts']);
if (!process.env.E2E_SKIP_BUILD) run('npx', ['next', 'build']);
const server = spawn(process.execPath, ['scripts/serve.mjs', '-p', port, '-H', '127.0.0.1'], { env, stdio: 'inherit' });
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => process.exit(code ?? 0));
