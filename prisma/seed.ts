// npm run db:seed [-- --if-empty] [--now <ISO>]: the demo province 江川省 into DATABASE_URL.
import { createPrismaClient } from '@/lib/db/client';
import { seedDemoProvince } from '@/lib/services/seed-demo-province';

const args = process.argv.slice(2);
const nowArg = args.includes('--now') ? args[args.indexOf('--now') + 1] : undefined;
const now = nowArg ? new Date(nowArg) : new Date();
if (Number.isNaN(now.getTime())) throw new Error(`--now: not a date: ${nowArg}`);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');

const db = createPrismaClient(url);
try {
  const summary = await seedDemoProvince({ db, now, ifEmpty: args.includes('--if-empty') });
  console.log(summary.skipped ? '[seed] database not empty; demo seed skipped' : `[seed] ${JSON.stringify(summary)}`);
} finally {
  await db.$disconnect();
}
