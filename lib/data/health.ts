import type { Db } from '@/lib/db/types';

export async function readDatabaseInfo(db: Db): Promise<{ version: string; migrations: number }> {
  const [row] = await db.$queryRaw<Array<{ version: string; migrations: number }>>`
    SELECT version() AS version,
           (SELECT count(*)::int FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL) AS migrations`;
  if (!row) throw new Error('empty health query result');
  return row;
}
