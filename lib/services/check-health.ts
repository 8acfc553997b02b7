import { getDb } from '@/lib/db/client';
import { readDatabaseInfo } from '@/lib/data/health';

export type HealthDto = { status: 'ok' | 'degraded'; database: { ok: boolean; version: string | null; migrations: number | null; error?: string } };

export async function checkHealth(): Promise<HealthDto> {
  try {
    const info = await readDatabaseInfo(getDb());
    return { status: 'ok', database: { ok: true, ...info } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'degraded', database: { ok: false, version: null, migrations: null, error: message } };
  }
}
