// The crawl planner's settings from the worker's environment (docs/deployment.md "Crawl plan: egress identities and
// budgets"). The same parser builds the configuration of `npm run bench:schedule`, so the simulated planner and the
// worker's planner are configured the same way.
import { z } from 'zod';
import { DEFAULT_PLAN_CONFIG, type Egress, type PlanConfig } from './plan-requests';

const DAY_MS = 86_400_000;
const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** `id` or `id:budget` where budget is requests per Beijing day or `unmetered`. */
const egressSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,64}(:(unmetered|\d+))?$/, 'an egress is id or id:dailyBudget (a whole number or unmetered)')
  .transform((entry): Egress => {
    const [id, budget] = entry.split(':') as [string, string | undefined];
    return { id, dailyBudget: budget === undefined || budget === 'unmetered' ? Infinity : Number(budget) };
  })
  .refine((e) => e.dailyBudget > 0, 'an egress daily budget must be at least 1');

const egressListSchema = z
  .string()
  .transform((s) => s.split(',').filter((part) => part.trim() !== ''))
  .pipe(z.array(egressSchema).min(1, 'at least one egress identity'))
  .refine((list) => new Set(list.map((e) => e.id)).size === list.length, 'egress ids must be unique');

/** `WEIBO=5000,WECHAT=3000`: one request per this many ms per platform host per egress identity. */
const hostIntervalsSchema = z
  .string()
  .transform((s) => s.split(',').filter((part) => part.trim() !== ''))
  .pipe(
    z.array(
      z
        .string()
        .trim()
        .regex(/^[A-Z0-9_]+=\d+$/, 'a host interval is PLATFORM_CODE=milliseconds')
        .transform((entry) => entry.split('=') as [string, string]),
    ),
  )
  .transform((pairs) => new Map(pairs.map(([code, ms]) => [code, Number(ms)])))
  .refine((map) => [...map.values()].every((ms) => ms >= 100), 'a host interval is at least 100 ms');

const intervalSchema = z.coerce.number().int().min(100);

export const planEnvSchema = z
  .object({
    /** Egress identities (outbound addresses or proxies) and their daily request budgets; default one unmetered. */
    CRAWL_EGRESSES: z.preprocess(blankAsUnset, egressListSchema.default([{ id: 'direct', dailyBudget: Infinity }])),
    /** Politeness: one request per this many ms per platform host per egress identity (default 3 000). */
    CRAWL_MIN_INTERVAL_MS: z.preprocess(blankAsUnset, intervalSchema.default(3000)),
    /** Per-platform overrides of CRAWL_MIN_INTERVAL_MS. */
    CRAWL_HOST_INTERVALS_MS: z.preprocess(blankAsUnset, hostIntervalsSchema.default(new Map())),
    /** V2 window in days (the edition's V2.windowDays; 14 in every shipped edition). */
    CRAWL_LIMIT_DAYS: z.preprocess(blankAsUnset, z.coerce.number().int().min(2).max(60).default(14)),
    /** Accounts whose last seen post is this old are read (day 10 of 14). */
    CRAWL_URGENT_FROM_DAYS: z.preprocess(blankAsUnset, z.coerce.number().int().min(1).max(59).default(10)),
    /** Spare capacity reads an account not read for this many hours (fresh posts for the dashboard); 0 = off. */
    CRAWL_REFRESH_HOURS: z.preprocess(
      blankAsUnset,
      z.coerce
        .number()
        .min(0)
        .max(24 * 60)
        .default(6),
    ),
  })
  .refine((e) => e.CRAWL_URGENT_FROM_DAYS < e.CRAWL_LIMIT_DAYS, {
    message: 'CRAWL_URGENT_FROM_DAYS must be below CRAWL_LIMIT_DAYS',
    path: ['CRAWL_URGENT_FROM_DAYS'],
  });

export type PlanEnv = z.infer<typeof planEnvSchema>;

export function parsePlanEnv(env: Record<string, string | undefined> = process.env): PlanEnv {
  const parsed = planEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid crawl plan settings: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The planner's configuration for these hosts (platform codes in the worker, host names in the simulation). */
export function planConfigFor(hosts: readonly string[], env: PlanEnv): PlanConfig {
  return {
    ...DEFAULT_PLAN_CONFIG,
    limitDays: env.CRAWL_LIMIT_DAYS,
    urgentFromDays: env.CRAWL_URGENT_FROM_DAYS,
    refreshMs: env.CRAWL_REFRESH_HOURS === 0 ? Infinity : env.CRAWL_REFRESH_HOURS * 3_600_000,
    hosts: hosts.map((name) => ({
      name,
      minIntervalMs: env.CRAWL_HOST_INTERVALS_MS.get(name) ?? env.CRAWL_MIN_INTERVAL_MS,
    })),
    egresses: env.CRAWL_EGRESSES,
  };
}

/** Requests one egress identity can send to one host in a day at that host's politeness. */
export const requestsPerEgressDay = (minIntervalMs: number): number => Math.floor(DAY_MS / minIntervalMs);

/** The CRAWL_EGRESSES value for `count` identities named `<prefix>-1` … (what bench:schedule tells a country to set). */
export const egressesSetting = (count: number, prefix = 'egress', dailyBudget?: number): string =>
  Array.from(
    { length: count },
    (_, k) => `${prefix}-${k + 1}${dailyBudget === undefined ? '' : `:${dailyBudget}`}`,
  ).join(',');
