import { describe, expect, it } from 'vitest';
import { clearReadCache, dashboardCacheTimes, readKey, readThrough } from '@/lib/cache/read-cache';

const times = { freshMs: 1000, maxAgeMs: 4000 };

/** A loader counting its calls, answering `value()` after the test resolves it. */
function loader(value: () => unknown) {
  const calls: Array<() => void> = [];
  const fn = () => new Promise<unknown>((resolve) => calls.push(() => resolve(value())));
  return { fn, calls };
}

describe('readThrough', () => {
  it('computes once for concurrent readers and serves the value while fresh', async () => {
    clearReadCache();
    let clock = 0;
    let n = 0;
    const l = loader(() => ++n);
    const a = readThrough('k1', l.fn, times, () => clock);
    const b = readThrough('k1', l.fn, times, () => clock);
    expect(l.calls).toHaveLength(1);
    l.calls[0]!();
    expect([await a, await b]).toEqual([1, 1]);
    clock = 999;
    expect(await readThrough('k1', l.fn, times, () => clock)).toBe(1);
    expect(l.calls).toHaveLength(1);
  });

  it('serves a stale value while one background refresh runs, then the new one', async () => {
    clearReadCache();
    let clock = 0;
    let n = 0;
    const l = loader(() => ++n);
    const first = readThrough('k2', l.fn, times, () => clock);
    l.calls[0]!();
    await first;
    clock = 1500;
    expect(await readThrough('k2', l.fn, times, () => clock)).toBe(1);
    expect(await readThrough('k2', l.fn, times, () => clock)).toBe(1);
    expect(l.calls).toHaveLength(2);
    l.calls[1]!();
    await new Promise((r) => setTimeout(r, 0));
    expect(await readThrough('k2', l.fn, times, () => clock)).toBe(2);
  });

  it('recomputes past maxAge, after clearReadCache, and never caches a failure', async () => {
    clearReadCache();
    let clock = 0;
    let n = 0;
    const l = loader(() => ++n);
    const first = readThrough('k3', l.fn, times, () => clock);
    l.calls[0]!();
    await first;
    clock = 4000;
    const expired = readThrough('k3', l.fn, times, () => clock);
    l.calls[1]!();
    expect(await expired).toBe(2);
    clearReadCache();
    const cleared = readThrough('k3', l.fn, times, () => clock);
    l.calls[2]!();
    expect(await cleared).toBe(3);
    await expect(
      readThrough(
        'k4',
        () => Promise.reject(new Error('down')),
        times,
        () => clock,
      ),
    ).rejects.toThrow('down');
    expect(
      await readThrough(
        'k4',
        async () => 'up',
        times,
        () => clock,
      ),
    ).toBe('up');
  });

  it('ages a value from when it was stored, so a computation slower than maxAge is still served', async () => {
    clearReadCache();
    let clock = 0;
    const l = loader(() => 'slow');
    const first = readThrough('k7', l.fn, times, () => clock);
    clock = 5000;
    l.calls[0]!();
    expect(await first).toBe('slow');
    clock = 5500;
    expect(await readThrough('k7', l.fn, times, () => clock)).toBe('slow');
    expect(l.calls).toHaveLength(1);
  });

  it('past maxAge waits for the refresh under way instead of starting another', async () => {
    clearReadCache();
    let clock = 0;
    let n = 0;
    const l = loader(() => ++n);
    const first = readThrough('k8', l.fn, times, () => clock);
    l.calls[0]!();
    await first;
    clock = 2000;
    expect(await readThrough('k8', l.fn, times, () => clock)).toBe(1);
    clock = 6000;
    const late = readThrough('k8', l.fn, times, () => clock);
    expect(l.calls).toHaveLength(2);
    l.calls[1]!();
    expect(await late).toBe(2);
  });

  it('does not store a computation that a clear overtook', async () => {
    clearReadCache();
    const l = loader(() => 'old');
    const pending = readThrough('k5', l.fn, times, () => 0);
    clearReadCache();
    l.calls[0]!();
    expect(await pending).toBe('old');
    expect(
      await readThrough(
        'k5',
        async () => 'new',
        times,
        () => 0,
      ),
    ).toBe('new');
  });

  it('is off when DASHBOARD_CACHE_SECONDS is 0, and keys scopes independently of grant order', async () => {
    expect(dashboardCacheTimes({ DASHBOARD_CACHE_SECONDS: '0' })).toEqual({ freshMs: 0, maxAgeMs: 0 });
    expect(dashboardCacheTimes({})).toEqual({ freshMs: 15_000, maxAgeMs: 60_000 });
    let n = 0;
    const off = { freshMs: 0, maxAgeMs: 0 };
    await readThrough('k6', async () => ++n, off);
    await readThrough('k6', async () => ++n, off);
    expect(n).toBe(2);
    expect(readKey('overview', ['b', 'a'])).toBe(readKey('overview', ['a', 'b']));
    expect(readKey('overview', ['a'], 1)).not.toBe(readKey('overview', ['a'], 2));
  });
});
