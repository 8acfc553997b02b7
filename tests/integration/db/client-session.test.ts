import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe('createPrismaClient session settings', () => {
  it('every pooled connection starts with JIT off, set at startup rather than by a query racing the first checkout', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    // Eight concurrent reads force the pool (size 4) to open all its connections at once.
    const rows = await Promise.all(
      Array.from(
        { length: 8 },
        () =>
          t.db.$queryRaw<{ jit: string; pid: number }[]>`SELECT current_setting('jit') AS jit, pg_backend_pid() AS pid`,
      ),
    );
    const settings = rows.map((r) => r[0]);
    expect(new Set(settings.map((s) => s?.pid)).size).toBeGreaterThan(1);
    expect(settings.every((s) => s?.jit === 'off')).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    expect(warnings.filter((m) => m.includes('already executing a query'))).toEqual([]);
  });
});
