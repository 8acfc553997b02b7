import { Prisma } from '@/lib/db/generated/client';
import type { Db } from '@/lib/db/types';

export type HealthIncrement = {
  platform: string;
  endpoint: string;
  hour: Date;
  requests: number;
  successes: number;
  blocked: number;
  parseFailures: number;
  droppedItems: number;
  sampleRawHash: string | null;
  sampleAccountId: string | null;
};

/** Adds one crawl's counts to the hourly rows, in one statement (rows are distinct per platform, endpoint and hour). */
export async function addEndpointHealth(db: Db, rows: readonly HealthIncrement[]): Promise<void> {
  if (rows.length === 0) return;
  const values = Prisma.join(
    rows.map(
      (r) =>
        Prisma.sql`(${r.platform}, ${r.endpoint}, ${r.hour}, ${r.requests}, ${r.successes}, ${r.blocked}, ${r.parseFailures}, ${r.droppedItems}, ${r.sampleRawHash}, ${r.sampleAccountId}::uuid)`,
    ),
  );
  await db.$executeRaw`
    INSERT INTO endpoint_health_hour (platform, endpoint, hour, requests, successes, blocked, parse_failures, dropped_items, sample_raw_hash, sample_account_id)
    VALUES ${values}
    ON CONFLICT (platform, endpoint, hour) DO UPDATE SET
      requests = endpoint_health_hour.requests + EXCLUDED.requests,
      successes = endpoint_health_hour.successes + EXCLUDED.successes,
      blocked = endpoint_health_hour.blocked + EXCLUDED.blocked,
      parse_failures = endpoint_health_hour.parse_failures + EXCLUDED.parse_failures,
      dropped_items = endpoint_health_hour.dropped_items + EXCLUDED.dropped_items,
      sample_raw_hash = COALESCE(EXCLUDED.sample_raw_hash, endpoint_health_hour.sample_raw_hash),
      sample_account_id = COALESCE(EXCLUDED.sample_account_id, endpoint_health_hour.sample_account_id)`;
}

export type EndpointHealthRow = Omit<HealthIncrement, 'sampleAccountId'>;

export async function listEndpointHealth(db: Db, since: Date): Promise<EndpointHealthRow[]> {
  const rows = await db.endpointHealthHour.findMany({
    where: { hour: { gte: since } },
    orderBy: [{ platform: 'asc' }, { endpoint: 'asc' }, { hour: 'asc' }],
  });
  return rows.map((r) => ({
    platform: r.platform,
    endpoint: r.endpoint,
    hour: r.hour,
    requests: r.requests,
    successes: r.successes,
    blocked: r.blocked,
    parseFailures: r.parseFailures,
    droppedItems: r.droppedItems,
    sampleRawHash: r.sampleRawHash,
  }));
}

export type EndpointTotals = {
  platform: string;
  endpoint: string;
  requests: number;
  parseFailures: number;
  droppedItems: number;
  sampleRawHash: string | null;
  sampleAccountId: string | null;
};

/** Totals per interface since `since`, with the latest sample raw answer and its account. */
export async function sumEndpointHealth(db: Db, since: Date): Promise<EndpointTotals[]> {
  return db.$queryRaw<EndpointTotals[]>`
    SELECT platform, endpoint,
           sum(requests)::int AS "requests", sum(parse_failures)::int AS "parseFailures", sum(dropped_items)::int AS "droppedItems",
           (array_agg(sample_raw_hash ORDER BY hour DESC) FILTER (WHERE sample_raw_hash IS NOT NULL))[1] AS "sampleRawHash",
           (array_agg(sample_account_id::text ORDER BY hour DESC) FILTER (WHERE sample_account_id IS NOT NULL))[1] AS "sampleAccountId"
      FROM endpoint_health_hour
     WHERE hour >= ${since}
     GROUP BY platform, endpoint
     ORDER BY platform, endpoint`;
}
