import { ADMIN_ROLES, hasRole, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { listEndpointHealth } from '@/lib/data/endpoint-health';
import { AppError } from '@/lib/errors';
import { PARSER_DRIFT_THRESHOLD, PARSER_DRIFT_WINDOW_HOURS } from './raise-alerts';
import { HOUR_MS } from '@/lib/time';

export const HEALTH_DAYS = 14;

type Counts = { requests: number; successes: number; blocked: number; parseFailures: number; droppedItems: number };
export type EndpointHealthSummary = Counts & {
  key: string;
  platform: string;
  endpoint: string;
  sampleRawHash: string | null;
  /** Dropped items + parse failures in the PARSER_DRIFT window (last 24 h), and whether they pass the threshold. */
  recentIssues: number;
  isDrifting: boolean;
};
export type HealthPoint = Counts & { hour: string };
export type EndpointHealthDto = {
  from: string;
  to: string;
  threshold: number;
  windowHours: number;
  endpoints: EndpointHealthSummary[];
  series: HealthPoint[];
  selected: string | null;
};

const zero = (): Counts => ({ requests: 0, successes: 0, blocked: 0, parseFailures: 0, droppedItems: 0 });
const add = (into: Counts, r: Counts) => {
  into.requests += r.requests;
  into.successes += r.successes;
  into.blocked += r.blocked;
  into.parseFailures += r.parseFailures;
  into.droppedItems += r.droppedItems;
};

/**
 * 平台接口健康 (ADMIN only): per platform interface, requests, successes, blocked answers, parse failures and dropped
 * items of the last 14 days, and their hourly series (all interfaces, or the `selected` one `platform|endpoint`).
 */
export async function getEndpointHealth({
  access,
  now,
  selected = null,
  threshold = PARSER_DRIFT_THRESHOLD,
  db = getDb(),
}: {
  access: Access;
  now: Date;
  selected?: string | null;
  threshold?: number;
  db?: Db;
}): Promise<EndpointHealthDto> {
  if (!hasRole(access, ADMIN_ROLES)) throw new AppError('FORBIDDEN', 'outOfScope');
  const to = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  const from = new Date(to.getTime() - (HEALTH_DAYS * 24 - 1) * HOUR_MS);
  const recentFrom = new Date(now.getTime() - PARSER_DRIFT_WINDOW_HOURS * HOUR_MS);
  const rows = await listEndpointHealth(db, from);
  const byEndpoint = new Map<string, EndpointHealthSummary>();
  const hours = new Map<number, Counts>();
  for (let h = from.getTime(); h <= to.getTime(); h += HOUR_MS) hours.set(h, zero());
  for (const r of rows) {
    const key = `${r.platform}|${r.endpoint}`;
    let e = byEndpoint.get(key);
    if (!e)
      byEndpoint.set(
        key,
        (e = {
          key,
          platform: r.platform,
          endpoint: r.endpoint,
          ...zero(),
          sampleRawHash: null,
          recentIssues: 0,
          isDrifting: false,
        }),
      );
    add(e, r);
    if (r.sampleRawHash) e.sampleRawHash = r.sampleRawHash;
    if (r.hour >= recentFrom) e.recentIssues += r.droppedItems + r.parseFailures;
    if (selected && selected !== key) continue;
    const point = hours.get(r.hour.getTime());
    if (point) add(point, r);
  }
  const endpoints = [...byEndpoint.values()].map((e) => ({ ...e, isDrifting: e.recentIssues >= threshold }));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    threshold,
    windowHours: PARSER_DRIFT_WINDOW_HOURS,
    endpoints,
    series: [...hours].map(([h, c]) => ({ hour: new Date(h).toISOString(), ...c })),
    selected: selected && byEndpoint.has(selected) ? selected : null,
  };
}
