import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_ROWS, PLATFORMS } from '@/crawlers/registry';
import { PLATFORM_CODES } from '@/lib/schemas/enums';
import { ensurePlatforms } from '@/lib/services/ensure-platforms';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

const stored = () =>
  t.db.platform.findMany({
    orderBy: { code: 'asc' },
    select: {
      code: true,
      nameZh: true,
      nameEn: true,
      kind: true,
      capabilities: true,
      sortOrder: true,
      isEnabled: true,
    },
  });

describe('platform rows come from the crawler registry', () => {
  it('the registry lists every platform code once, with a crawler', () => {
    expect(PLATFORMS.map((p) => p.crawler.platform).sort()).toEqual([...PLATFORM_CODES].sort());
  });

  it('the reference step (run on the template) wrote the registry rows; running it again changes nothing', async () => {
    const rows = await stored();
    expect(rows.map(({ isEnabled: _e, ...r }) => r)).toEqual(
      [...PLATFORM_ROWS].sort((a, b) => a.code.localeCompare(b.code)),
    );
    expect(await ensurePlatforms({ db: t.db, platforms: PLATFORM_ROWS })).toEqual({ created: [], updated: [] });
    expect(await stored()).toEqual(rows);
  });

  it('a missing platform row is created, a drifted one takes the registry facts, the on/off switch stays as stored', async () => {
    await t.db.platform.delete({ where: { code: 'BILIBILI' } });
    await t.db.platform.update({
      where: { code: 'TOUTIAO' },
      data: { nameZh: '头条（旧名）', sortOrder: 999, isEnabled: false },
    });
    expect(await ensurePlatforms({ db: t.db, platforms: PLATFORM_ROWS })).toEqual({
      created: ['BILIBILI'],
      updated: ['TOUTIAO'],
    });
    const toutiao = await t.db.platform.findUniqueOrThrow({ where: { code: 'TOUTIAO' } });
    expect(toutiao).toMatchObject({ nameZh: '今日头条', sortOrder: 60, isEnabled: false });
    expect(await t.db.platform.findUniqueOrThrow({ where: { code: 'BILIBILI' } })).toMatchObject({
      nameZh: '哔哩哔哩',
      kind: 'VIDEO',
      isEnabled: true,
    });
  });

  it('a registry row that is not a valid platform row is refused before anything is written', async () => {
    const before = await stored();
    await expect(
      ensurePlatforms({
        db: t.db,
        platforms: [
          { ...PLATFORM_ROWS[0], nameZh: '改名' },
          { ...PLATFORM_ROWS[1], kind: 'RADIO' },
        ],
      }),
    ).rejects.toThrow();
    expect(await stored()).toEqual(before);
  });
});
