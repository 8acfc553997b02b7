import type { PrismaClient } from '@/lib/db/types';
import { runExportJob } from '@/lib/services/run-export-job';
import { logJob } from './log';

/** Renders one background export (lib/services/run-export-job.ts); one log line per run. */
export async function runExportDocument({
  db,
  jobId,
  now = () => new Date(),
}: {
  db: PrismaClient;
  jobId: string;
  now?: () => Date;
}) {
  const started = Date.now();
  try {
    const outcome = await runExportJob({ db, jobId, now });
    logJob({ job: 'export-document', exportJobId: jobId, kind: outcome.toUpperCase(), ms: Date.now() - started });
    return outcome;
  } catch (error) {
    logJob({
      job: 'export-document',
      exportJobId: jobId,
      kind: 'ERROR',
      ms: Date.now() - started,
      message: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}
