import type { Db } from '@/lib/db/types';
import { listPendingInspectionIds } from '@/lib/data/inspection-run';

/** Ids of inspections waiting to be scored (PENDING), oldest first, at most `limit`. */
export const listPendingInspections = (db: Db, limit?: number): Promise<string[]> =>
  listPendingInspectionIds(db, limit);
