import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { startPgliteServer } from '../../scripts/pglite-server.mjs';

type Server = { port: number; stop(): Promise<void> };

let db: PGlite;
let server: Server;
let url: string;

beforeAll(async () => {
  db = await PGlite.create();
  await db.exec('CREATE TABLE item (id int PRIMARY KEY, label text NOT NULL)');
  await db.exec(`INSERT INTO item SELECT g, 'item ' || g FROM generate_series(1, 2000) g`);
  server = await startPgliteServer({ db, port: 0 });
  url = `postgresql://postgres:postgres@127.0.0.1:${server.port}/postgres?sslmode=disable`;
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

describe('embedded database socket (npm run dev)', () => {
  it('keeps concurrent parameterized queries of many connections apart', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 6 });
    try {
      // Different parameter counts per query, and Bind messages large enough to arrive in several TCP chunks
      // (as the demo seed's did): an interleaved Parse/Bind fails with a bind/parameter mismatch.
      const queries = Array.from({ length: 24 }, (_, i) => {
        const ids = Array.from({ length: i % 2 ? 20 + i : 12_000 + i * 100 }, (_, k) => k + 1);
        const placeholders = ids.map((_, k) => `$${k + 1}`).join(',');
        return pool
          .query<{ n: string }>(`SELECT count(*) AS n FROM item WHERE id IN (${placeholders})`, ids)
          .then((r) => ({ expected: Math.min(ids.length, 2000), actual: Number(r.rows[0]!.n) }));
      });
      const results = await Promise.all(queries);
      for (const r of results) expect(r.actual).toBe(r.expected);
    } finally {
      await pool.end();
    }
  });

  it('lets a transaction finish before another connection runs, and rolls back one whose client vanished', async () => {
    const a = new pg.Client({ connectionString: url });
    const b = new pg.Client({ connectionString: url });
    await a.connect();
    await b.connect();
    try {
      await a.query('BEGIN');
      await a.query(`INSERT INTO item VALUES (5001, 'inside a transaction')`);
      let isReadDone = false;
      const read = b.query<{ n: string }>('SELECT count(*) AS n FROM item WHERE id = $1', [5001]).then((r) => {
        isReadDone = true;
        return Number(r.rows[0]!.n);
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(isReadDone).toBe(false);
      await a.query('COMMIT');
      expect(await read).toBe(1);

      const c = new pg.Client({ connectionString: url });
      c.on('error', () => {});
      await c.connect();
      await c.query('BEGIN');
      await c.query(`INSERT INTO item VALUES (5002, 'abandoned')`);
      c.connection.stream.destroy();
      const after = await b.query<{ n: string }>('SELECT count(*) AS n FROM item WHERE id = $1', [5002]);
      expect(Number(after.rows[0]!.n)).toBe(0);
    } finally {
      await a.end();
      await b.end();
    }
  });
});
