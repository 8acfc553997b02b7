import type { Db } from '@/lib/db/types';

export type HeartbeatRow = { id: string; hostname: string; pid: number; startedAt: Date };

/** Creates or touches the process's row. */
export async function touchHeartbeat(db: Db, row: HeartbeatRow, at: Date): Promise<void> {
  await db.workerHeartbeat.upsert({
    where: { id: row.id },
    create: { ...row, seenAt: at },
    update: { seenAt: at },
    select: { id: true },
  });
}

/** Rows not touched since `before` (processes that died without saying so). */
export async function deleteHeartbeatsSeenBefore(db: Db, before: Date): Promise<number> {
  return (await db.workerHeartbeat.deleteMany({ where: { seenAt: { lt: before } } })).count;
}

export async function deleteHeartbeat(db: Db, id: string): Promise<void> {
  await db.workerHeartbeat.deleteMany({ where: { id } });
}

/** The most recent touch of any worker and how many processes touched since `since`. */
export async function readHeartbeats(db: Db, since: Date): Promise<{ lastSeenAt: Date | null; alive: number }> {
  const [latest, alive] = await Promise.all([
    db.workerHeartbeat.findFirst({ orderBy: { seenAt: 'desc' }, select: { seenAt: true } }),
    db.workerHeartbeat.count({ where: { seenAt: { gte: since } } }),
  ]);
  return { lastSeenAt: latest?.seenAt ?? null, alive };
}
