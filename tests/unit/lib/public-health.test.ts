import { describe, expect, it } from 'vitest';
import { toPublicHealth } from '@/lib/services/check-health';

describe('public health', () => {
  it('tells anonymous callers up or down, never the PostgreSQL version or a driver error', () => {
    const up = toPublicHealth({
      status: 'ok',
      database: {
        ok: true,
        version: 'PostgreSQL 15.20 (Debian 15.20-0+deb12u1) on x86_64-pc-linux-gnu',
        migrations: 12,
      },
      worker: { alive: true, lastSeenAt: '2026-12-04T10:00:00.000Z' },
    });
    expect(up).toEqual({ status: 'ok', database: { ok: true, migrations: 12 }, worker: { alive: true } });
    const down = toPublicHealth({
      status: 'degraded',
      database: { ok: false, version: null, migrations: null, error: 'connect ECONNREFUSED 10.0.0.5:5432' },
      worker: null,
    });
    expect(JSON.stringify(down)).not.toMatch(/10\.0\.0\.5|ECONNREFUSED/);
    expect(down.worker).toBeNull();
  });

  it('says whether a worker is alive, not when or where it ran', () => {
    const idle = toPublicHealth({
      status: 'ok',
      database: { ok: true, version: 'x', migrations: 1 },
      worker: { alive: false, lastSeenAt: '2026-12-01T00:00:00.000Z' },
    });
    expect(idle.status).toBe('ok');
    expect(idle.worker).toEqual({ alive: false });
  });
});
