/**
 * A small in-process read-through cache for dashboard reads that are the same for every user of one scope
 * (docs/benchmarks.md "Dashboard under load"). Per key:
 * - younger than `freshMs`: served from memory;
 * - between `freshMs` and `maxAgeMs`: served from memory while one background refresh recomputes it
 *   (stale-while-revalidate), so a busy page never makes a reader wait for the recomputation;
 * - older than `maxAgeMs`, or never read: computed once for all concurrent readers (single flight; a refresh
 *   already under way is awaited, not started again).
 * Failures are never cached. `clearReadCache()` drops everything (the server actions call it after every successful
 * write, so a user sees their own change at once); writes of other processes (ingest, inspections in the worker)
 * show after at most `maxAgeMs` under light traffic, `freshMs` plus one computation under load.
 * Values are shared between requests: callers must not mutate them.
 */
type Entry = { at: number; value?: unknown; pending?: Promise<unknown> };

const MAX_ENTRIES = 500;
const entries = new Map<string, Entry>();

export type ReadCacheTimes = { freshMs: number; maxAgeMs: number };

/** DASHBOARD_CACHE_SECONDS (default 15; 0 disables): the fresh period; served stale up to four times as long. */
export function dashboardCacheTimes(env: Record<string, string | undefined> = process.env): ReadCacheTimes {
  const raw = Number(env.DASHBOARD_CACHE_SECONDS ?? 15);
  const seconds = Number.isFinite(raw) && raw > 0 ? raw : 0;
  return { freshMs: seconds * 1000, maxAgeMs: seconds * 4000 };
}

function compute(key: string, entry: Entry, fn: () => Promise<unknown>, clock: () => number): Promise<unknown> {
  return fn().then(
    (value) => {
      entry.pending = undefined;
      // Stored only if the entry is still the one this computation belongs to (not cleared or replaced meanwhile).
      // Aged from when it was stored: a computation slower than maxAgeMs (a busy database) must still be served.
      if (entries.get(key) === entry) {
        entry.at = clock();
        entry.value = value;
        entries.delete(key);
        entries.set(key, entry);
        while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      }
      return value;
    },
    (error: unknown) => {
      entry.pending = undefined;
      if (entries.get(key) === entry && !('value' in entry)) entries.delete(key);
      throw error;
    },
  );
}

export async function readThrough<T>(
  key: string,
  fn: () => Promise<T>,
  times: ReadCacheTimes = dashboardCacheTimes(),
  clock: () => number = Date.now,
): Promise<T> {
  if (times.freshMs <= 0) return fn();
  const now = clock();
  let entry = entries.get(key);
  if (entry && 'value' in entry) {
    const age = now - entry.at;
    if (age < times.freshMs) return entry.value as T;
    if (age < times.maxAgeMs) {
      // One background refresh; if it fails the old value stays until maxAgeMs and the next reader retries.
      if (!entry.pending) {
        entry.pending = compute(key, entry, fn, clock);
        entry.pending.catch(() => undefined);
      }
      return entry.value as T;
    }
  }
  // Too old or never computed: wait for the computation under way (a refresh included), or start one.
  if (entry?.pending) return entry.pending as Promise<T>;
  entry = { at: now };
  entries.set(key, entry);
  const pending = compute(key, entry, fn, clock);
  entry.pending = pending;
  return pending as Promise<T>;
}

/** Forgets every cached read (after a write in this process). */
export function clearReadCache(): void {
  entries.clear();
}

/** A cache key from parts; scope roots are sorted so one scope has one key whatever the grant order. */
export function readKey(kind: string, roots: readonly string[], ...parts: unknown[]): string {
  return JSON.stringify([kind, [...roots].sort(), ...parts]);
}
