// Run with tsx in its own process: the worker's score job for one queued inspection against the e2e database.
// (Playwright's loader cannot import the scoring library's JSON data, so specs spawn this instead.)
import { runScoreInspection } from '@/crawlers/jobs/score-inspection';
import { e2eDb } from './db';

const inspectionId = process.argv[2];
if (!inspectionId) throw new Error('usage: score-inspection.ts <inspectionId>');
const db = e2eDb();
try {
  const { result } = await runScoreInspection({ db, inspectionId, now: new Date() });
  process.stdout.write(JSON.stringify(result));
} finally {
  await db.$disconnect();
}
