import type { Db } from '@/lib/db/types';
import { findFirstMonitoringAt as findInData } from '@/lib/data/inspections';

/** Monitoring time of the oldest inspection: for a demo database, the moment the demo province was generated at (sandbox:demo). */
export const findFirstMonitoringAt = (db: Db): Promise<Date | null> => findInData(db);
