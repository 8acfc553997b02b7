// Run with tsx in its own process: the worker's background-export side (queue, dispatcher, shared Chromium) and its
// heartbeat, against the e2e database, until SIGTERM. The real modules of `npm run worker`, without crawling or
// the cron table (the e2e database has no platform credentials to crawl with).
import { startExportJobs } from '@/crawlers/export-jobs';
import { startHeartbeat } from '@/crawlers/heartbeat';
import { startBoss } from '@/crawlers/queue';
import { sharedPdfPool } from '@/lib/export/pdf-pool';
import { e2eDb, e2eDatabaseUrl } from './db';

const db = e2eDb();
const boss = await startBoss(e2eDatabaseUrl(), { isSupervisor: false });
const log = (kind: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ job: 'e2e-export-worker', kind, ...extra }));
const exportJobs = await startExportJobs({ db, boss, log });
const heartbeat = await startHeartbeat({ db, log });
console.log('READY');

async function stop() {
  exportJobs.stop();
  await heartbeat.stop();
  await boss.stop({ graceful: false, close: true });
  await sharedPdfPool().close();
  await db.$disconnect();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
