import { z } from 'zod';

/**
 * What /sign-in/email accepts, checked before anything is written: a 1 MB or NUL email used to reach the throttle
 * table and fail there as a 500. RFC 5321 caps a path at 256 octets, so 254 characters is every real address.
 */
export const signInBodySchema = z.object({
  email: z.string().max(254).trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(256),
});

/** Attempts per email and address that get no delay; after them each attempt doubles the wait. */
export const FREE_SIGNIN_ATTEMPTS = 5;
export const MAX_SIGNIN_DELAY_MS = 15 * 60_000;
/** An email+address pair with no attempt for this long starts over. */
export const SIGNIN_WINDOW_MS = 60 * 60_000;

/**
 * Progressive delay instead of a lockout: after `attempts` attempts from one address for one email, the next must
 * wait 1 s, 2 s, 4 s … up to 15 minutes after the last. Keyed by email *and* address, a stranger guessing from
 * elsewhere slows only themselves — the owner signs in as usual (the per-email lockout let anyone lock anyone out).
 */
export function signInDelayMs(attempts: number): number {
  if (attempts < FREE_SIGNIN_ATTEMPTS) return 0;
  return Math.min(MAX_SIGNIN_DELAY_MS, 1000 * 2 ** (attempts - FREE_SIGNIN_ATTEMPTS));
}

/** Milliseconds still to wait, given the stored attempts (count, last attempt) of the pair; 0 = go ahead. */
export function signInWaitMs(stored: { count: number; lastMs: number } | null, nowMs: number): number {
  if (!stored || nowMs - stored.lastMs >= SIGNIN_WINDOW_MS) return 0;
  return Math.max(0, stored.lastMs + signInDelayMs(stored.count) - nowMs);
}

/** Throttle key of an email from an address (unknown address: one shared bucket per email). */
export const signInThrottleKey = (email: string, ip: string | null) => `signin:${email}|${ip ?? 'unknown'}`;
