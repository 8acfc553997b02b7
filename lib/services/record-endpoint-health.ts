import type { Db } from '@/lib/db/types';
import { addEndpointHealth, type HealthIncrement } from '@/lib/data/endpoint-health';
import type { StoredExchange } from '@/lib/data/raw-archive';
import type { SnapshotInput } from '@/lib/schemas/snapshot';
import { HOUR_MS } from '@/lib/time';

const BLOCKED_STATUSES = new Set([403, 418, 429, 432]);
const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);

/**
 * One crawl's contribution to the interface health counters: each request counts once on its interface (success,
 * blocked — 403/418/429/432 or a captcha page —, parse failure) and each skipped item as a dropped item on the
 * interface its parse issue names, with the raw answer it most likely came from as the sample.
 */
export function healthIncrements(input: SnapshotInput, exchanges: readonly StoredExchange[]): HealthIncrement[] {
  const rows = new Map<string, HealthIncrement>();
  const row = (endpoint: string, at: Date) => {
    const hour = hourOf(at);
    const key = `${endpoint}|${hour.toISOString()}`;
    let r = rows.get(key);
    if (!r) {
      r = {
        platform: input.platform,
        endpoint,
        hour,
        requests: 0,
        successes: 0,
        blocked: 0,
        parseFailures: 0,
        droppedItems: 0,
        sampleRawHash: null,
        sampleAccountId: null,
      };
      rows.set(key, r);
    }
    return r;
  };
  const sample = (r: HealthIncrement, rawHash: string | null) => {
    if (!rawHash) return;
    r.sampleRawHash = rawHash;
    r.sampleAccountId = input.accountId;
  };
  let blockedSeen = false;
  let parseFailureSeen = false;
  for (const e of exchanges) {
    const r = row(e.endpoint, e.fetchedAt);
    r.requests += 1;
    const blocked =
      e.errorKind === 'RATE_LIMITED' ||
      e.errorKind === 'BLOCKED' ||
      (e.httpStatus !== null && BLOCKED_STATUSES.has(e.httpStatus));
    if (blocked) {
      r.blocked += 1;
      blockedSeen = true;
    } else if (e.parseFailed) {
      r.parseFailures += 1;
      parseFailureSeen = true;
      sample(r, e.rawHash);
    } else if (e.errorKind === null) r.successes += 1;
  }
  // A captcha page or a body the crawler could not read arrives as a 200: the run's outcome names it, the last answer held it.
  const lastAnswered = [...exchanges].reverse().find((e) => e.errorKind === null);
  if (!input.outcome.ok && lastAnswered) {
    const r = row(lastAnswered.endpoint, lastAnswered.fetchedAt);
    if ((input.outcome.kind === 'BLOCKED' || input.outcome.kind === 'RATE_LIMITED') && !blockedSeen) {
      r.blocked += 1;
      if (!lastAnswered.parseFailed) r.successes = Math.max(0, r.successes - 1);
    } else if (input.outcome.kind === 'PARSE' && !parseFailureSeen) {
      r.parseFailures += 1;
      if (!lastAnswered.parseFailed) r.successes = Math.max(0, r.successes - 1);
      sample(r, lastAnswered.rawHash);
    }
  }
  for (const issue of input.parseIssues ?? []) {
    const r = row(issue.endpoint, input.fetchedAt);
    r.droppedItems += 1;
    const source =
      [...exchanges].reverse().find((e) => e.rawHash && e.endpoint === issue.endpoint) ??
      [...exchanges].reverse().find((e) => e.rawHash);
    sample(r, source?.rawHash ?? null);
  }
  return [...rows.values()];
}

export async function recordEndpointHealth(
  db: Db,
  input: SnapshotInput,
  exchanges: readonly StoredExchange[],
): Promise<void> {
  await addEndpointHealth(db, healthIncrements(input, exchanges));
}
