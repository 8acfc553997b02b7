import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { drillPassed, runCrawlDrill } from '@/scripts/drill/crawl-drill';
import { createMigratedDatabase, startLocalCluster, type LocalCluster } from '@/scripts/drill/local-cluster';

// A private PostgreSQL cluster (initdb in a temp dir, its own port): the drill restarts it mid-run, which the
// machine's shared cluster must never be.
let cluster: LocalCluster;
let url: string;
let db: PrismaClient;
beforeAll(async () => {
  cluster = await startLocalCluster();
  url = await createMigratedDatabase(cluster);
  db = createPrismaClient(url, 4);
}, 300_000);
afterAll(async () => {
  await db?.$disconnect();
  await cluster?.destroy();
});

describe('crawl failure drill', () => {
  it('three workers, the leader SIGKILLed and PostgreSQL restarted mid-run, 30 % of the accounts failing their first request: every job once, no duplicate snapshot, no lost day, no false veto, the lock moved, every other worker alive', async () => {
    const accounts = 200;
    const report = await runCrawlDrill({
      db,
      databaseUrl: url,
      accounts,
      workers: 3,
      restartPostgres: () => cluster.restart(),
    });
    // The sandbox did fail: 10 accounts each answer 503, 418 and 432 first (timeouts and truncated JSON come as 200).
    expect(report.failedAnswers).toBeGreaterThanOrEqual(30);
    expect(report.restartSeconds).not.toBeNull();
    expect(report.runsAtRestart).toBeLessThan(accounts); // restarted while round 1 was still running
    expect(report.jobs).toBe(2 * accounts);
    expect(report.jobsCompleted).toBe(report.jobs);
    expect(report.runsPerAccount).toEqual([2, 2]);
    expect(report.duplicateSnapshots).toBe(0);
    expect(report.accountsWithLostDays).toBe(0);
    expect(report.falseVetoes).toBe(0);
    expect(report.leaderMoved).toBe(true);
    expect(report.workersAlive).toBe(2);
    expect(drillPassed(report)).toBe(true);
  }, 900_000);
});
