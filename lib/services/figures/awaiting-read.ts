import type { Db } from '@/lib/db/types';
import { countAwaitingReadScores } from '@/lib/data/awaiting-read';
import { DAY_MS } from '@/lib/time';
import { SETTLE_WINDOW_DAYS } from '../settle-inspections';

/**
 * Accounts of each inspection still waiting on a read (V2/D1/D5 NOT_READ_THROUGH, suspected V2: docs/scoring.md
 * "Settling"); inspections with none are absent. The same predicate the settle job selects by.
 */
export const countAwaitingRead = (db: Db, inspectionIds: string[]): Promise<Map<string, number>> =>
  countAwaitingReadScores(db, inspectionIds);

/** Whether the settle job still re-scores an inspection of this monitoring date (else it must be re-run by hand). */
export const isSettledAutomatically = (monitoringAt: Date, now: Date): boolean =>
  monitoringAt.getTime() >= now.getTime() - SETTLE_WINDOW_DAYS * DAY_MS;
