import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, npmRun, type FreshDatabase } from '../../helpers/fresh-database';

let fresh: FreshDatabase;
beforeAll(async () => {
  fresh = await createEmptyDatabase('xunjian_ref');
});
afterAll(async () => {
  await fresh?.drop();
});

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: fresh.url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

describe('npm run db:migrate on an empty database', () => {
  it('leaves the national-2019 edition and the starter lexicons; running again keeps an administrator’s edits', async () => {
    const env = { DATABASE_URL: fresh.url };
    expect(await npmRun('db:reference', [], env)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('apply the migrations first'),
    });

    const first = await npmRun('db:migrate', [], env);
    expect(first.code, first.stderr).toBe(0);
    expect(await query('SELECT code, status FROM indicator_edition')).toEqual([
      { code: 'national-2019', status: 'PUBLISHED' },
    ]);
    const lexicons = await query<{ code: string; terms: string }>(
      'SELECT l.code, count(e.id)::text AS terms FROM lexicon l LEFT JOIN lexicon_entry e ON e.lexicon_id = l.id GROUP BY l.code',
    );
    expect(lexicons.map((l) => l.code)).toEqual(
      expect.arrayContaining(['protected-terms', 'secrecy-marks', 'prohibited', 'typos']),
    );
    expect(lexicons.every((l) => Number(l.terms) > 0)).toBe(true);

    // An administrator's edits: a term switched off, an edition renamed.
    await query(
      `UPDATE lexicon_entry SET is_active = false WHERE id = (SELECT id FROM lexicon_entry ORDER BY id LIMIT 1)`,
    );
    await query(`UPDATE indicator_edition SET name = '本省修订' WHERE code = 'national-2019'`);
    const again = await npmRun('db:migrate', [], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('already present (kept as stored)');
    expect(await query('SELECT name FROM indicator_edition')).toEqual([{ name: '本省修订' }]);
    expect(await query('SELECT count(*)::int AS n FROM lexicon_entry WHERE NOT is_active')).toEqual([{ n: 1 }]);
    expect(await query('SELECT count(*)::int AS n FROM lexicon')).toEqual([{ n: lexicons.length }]);
  });
});
