// npm run db:seed [-- --if-empty | --append] [--now <ISO>] [--seed <n>]: the demo province 江川省 into DATABASE_URL.
// Without a flag it refuses a database that already has agencies.
import { parseArgs } from 'node:util';
import { createPrismaClient } from '@/lib/db/client';
import { seedDemoProvince, type SeedMode } from '@/lib/services/seed-demo-province';

const { values } = parseArgs({
  options: {
    'if-empty': { type: 'boolean', default: false },
    append: { type: 'boolean', default: false },
    now: { type: 'string' },
    seed: { type: 'string' },
  },
});
const now = values.now ? new Date(values.now) : new Date();
if (Number.isNaN(now.getTime())) throw new Error(`--now: not an ISO date: ${values.now}`);
const seed = values.seed === undefined ? undefined : Number(values.seed);
if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`--seed: not an integer: ${values.seed}`);
if (values['if-empty'] && values.append) throw new Error('--if-empty and --append exclude each other');
const mode: SeedMode = values['if-empty'] ? 'if-empty' : values.append ? 'append' : 'empty-only';
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');

const db = createPrismaClient(url);
try {
  const s = await seedDemoProvince({ db, now, mode, seed });
  if (s.skipped) console.log('[seed] the database already has agencies; demo seed skipped (--if-empty)');
  else {
    console.log(
      `[seed] 江川省 at ${now.toISOString()}: ${s.agencies} agencies, ${s.accounts} accounts, ${s.crawls} crawls, ${s.posts} posts, ${s.comments} comments, ${s.users} users in ${s.ms} ms (ingest ${s.ingestMs} ms)`,
    );
    console.log(`[seed] first inspection: ${JSON.stringify(s.inspection)}`);
    console.log(`[seed] alerts raised: ${s.alerts}`);
  }
} catch (error) {
  console.error(`[seed] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
