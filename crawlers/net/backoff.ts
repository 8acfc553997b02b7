import type { CrawlErrorKind } from '@/lib/schemas/enums';

export type BackoffPolicy = {
  baseMs: number;
  maxMs: number;
  /** Rate limits (418/429/432) wait longer: the platform is telling us to slow down. */
  rateLimitBaseMs: number;
  rateLimitMaxMs: number;
  maxRetries: number;
  maxRateLimitRetries: number;
};

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 500,
  maxMs: 15_000,
  rateLimitBaseMs: 10_000,
  rateLimitMaxMs: 120_000,
  maxRetries: 3,
  maxRateLimitRetries: 1,
};

export type RetryDecision = { retry: false } | { retry: true; delayMs: number };

/**
 * Exponential backoff with "equal jitter" (half fixed, half random) so that parallel workers spread out
 * but never retry immediately. `attempt` counts failures so far (1 after the first failure).
 */
export function decideRetry(args: {
  policy: BackoffPolicy;
  kind: CrawlErrorKind;
  retryable: boolean;
  attempt: number;
  random: () => number;
  retryAfterMs?: number | null;
}): RetryDecision {
  const { policy, kind, retryable, attempt, random } = args;
  if (!retryable) return { retry: false };
  const isRateLimit = kind === 'RATE_LIMITED';
  const limit = isRateLimit ? policy.maxRateLimitRetries : policy.maxRetries;
  if (attempt > limit) return { retry: false };
  const base = isRateLimit ? policy.rateLimitBaseMs : policy.baseMs;
  const cap = isRateLimit ? policy.rateLimitMaxMs : policy.maxMs;
  const exponential = Math.min(cap, base * 2 ** (attempt - 1));
  const jittered = exponential / 2 + (random() * exponential) / 2;
  const floor = Math.min(cap, args.retryAfterMs ?? 0);
  return { retry: true, delayMs: Math.round(Math.max(jittered, floor)) };
}

/** Parses a Retry-After header (seconds or HTTP date) into milliseconds. */
export function parseRetryAfter(header: string | null, now: Date): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}
