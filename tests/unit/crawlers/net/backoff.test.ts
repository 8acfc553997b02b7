import { describe, expect, it } from 'vitest';
import { decideRetry, DEFAULT_BACKOFF, parseRetryAfter } from '@/crawlers/net/backoff';

const policy = {
  ...DEFAULT_BACKOFF,
  baseMs: 100,
  maxMs: 1000,
  rateLimitBaseMs: 5000,
  rateLimitMaxMs: 20_000,
  maxRetries: 5,
  maxRateLimitRetries: 2,
};

describe('decideRetry', () => {
  it('never retries non-retryable errors', () => {
    expect(decideRetry({ policy, kind: 'NOT_FOUND', retryable: false, attempt: 1, random: () => 0 })).toEqual({
      retry: false,
    });
    expect(decideRetry({ policy, kind: 'PARSE', retryable: false, attempt: 1, random: () => 0 })).toEqual({
      retry: false,
    });
  });

  it('doubles the delay per attempt within [half, full] of the exponential step and caps it', () => {
    const delays = [1, 2, 3, 4, 5].map((attempt) => {
      const low = decideRetry({ policy, kind: 'NETWORK', retryable: true, attempt, random: () => 0 });
      const high = decideRetry({ policy, kind: 'NETWORK', retryable: true, attempt, random: () => 0.999999 });
      return [low.retry ? low.delayMs : -1, high.retry ? high.delayMs : -1];
    });
    expect(delays).toEqual([
      [50, 100],
      [100, 200],
      [200, 400],
      [400, 800],
      [500, 1000],
    ]);
    expect(decideRetry({ policy, kind: 'NETWORK', retryable: true, attempt: 6, random: () => 0 })).toEqual({
      retry: false,
    });
  });

  it('waits longer and gives up sooner on rate limits, honouring Retry-After up to the cap', () => {
    expect(decideRetry({ policy, kind: 'RATE_LIMITED', retryable: true, attempt: 1, random: () => 0 })).toEqual({
      retry: true,
      delayMs: 2500,
    });
    expect(decideRetry({ policy, kind: 'RATE_LIMITED', retryable: true, attempt: 2, random: () => 1 })).toEqual({
      retry: true,
      delayMs: 10_000,
    });
    expect(decideRetry({ policy, kind: 'RATE_LIMITED', retryable: true, attempt: 3, random: () => 0 })).toEqual({
      retry: false,
    });
    expect(
      decideRetry({ policy, kind: 'RATE_LIMITED', retryable: true, attempt: 1, random: () => 0, retryAfterMs: 15_000 }),
    ).toEqual({ retry: true, delayMs: 15_000 });
    expect(
      decideRetry({
        policy,
        kind: 'RATE_LIMITED',
        retryable: true,
        attempt: 1,
        random: () => 0,
        retryAfterMs: 999_000,
      }),
    ).toEqual({ retry: true, delayMs: 20_000 });
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-11-25T00:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
