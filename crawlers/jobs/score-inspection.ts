import type { PrismaClient } from '@/lib/db/types';
import { logJob } from './log';

export type RunInspection = (args: { db: PrismaClient; inspectionId: string; now: Date }) => Promise<unknown>;

// Loaded lazily: the scoring service is written separately, and the worker must start (crawling,
// alerts) even in a checkout where it has not landed yet; only this job then fails, and is retried.
const RUN_INSPECTION_MODULE = new URL('../../lib/services/run-inspection.ts', import.meta.url).href;

/** Narrows the dynamically imported module; safe because we only call it with the documented arguments. */
function pickRunInspection(mod: unknown): RunInspection {
  const fn = typeof mod === 'object' && mod !== null && 'runInspection' in mod ? mod.runInspection : undefined;
  if (typeof fn !== 'function') throw new Error('lib/services/run-inspection.ts does not export runInspection');
  return (args) => Promise.resolve(fn(args));
}

export async function loadRunInspection(): Promise<RunInspection> {
  return pickRunInspection(await import(/* @vite-ignore */ RUN_INSPECTION_MODULE));
}

/** Scores one inspection through the scoring service; errors propagate so the queue retries the job. */
export async function runScoreInspection({
  now,
  db,
  inspectionId,
  runInspection,
}: {
  now: Date;
  db: PrismaClient;
  inspectionId: string;
  runInspection?: RunInspection;
}): Promise<{ inspectionId: string; result: unknown }> {
  const started = Date.now();
  const run = runInspection ?? (await loadRunInspection());
  try {
    const result = await run({ db, inspectionId, now });
    logJob({ job: 'score-inspection', inspectionId, kind: 'OK', ms: Date.now() - started });
    return { inspectionId, result };
  } catch (error) {
    logJob({
      job: 'score-inspection',
      inspectionId,
      kind: 'ERROR',
      ms: Date.now() - started,
      message: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}
