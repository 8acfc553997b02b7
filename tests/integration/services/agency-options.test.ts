import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { listAgencyOptionChildren } from '@/lib/services/list-agency-option-children';
import { listReadAgencyPicker } from '@/lib/services/list-read-agency-picker';
import { AGENCY_SEARCH_LIMIT, searchAgencyOptions } from '@/lib/services/search-agency-options';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAgency } from '../../helpers/factories';

// Issue 16: the findings page's agency picker sends the top of a big tree and loads the rest on demand through
// /api/agencies/options — never outside the reader's scope, and a search never answers more than it may.
let t: TestDatabase;
const id: Record<string, string> = {};
const reader = (agencyId: string): Access => ({
  userId: 'u',
  name: 'n',
  email: 'e',
  locale: 'zh-CN',
  grants: [{ role: 'SUPERVISOR', agencyId, agencyName: '' }],
});

beforeAll(async () => {
  t = await createTestDatabase();
  const add = async (key: string, parent?: string, level?: 'CITY' | 'COUNTY' | 'TOWNSHIP') =>
    (id[key] = (await createTestAgency(t.db, { name: key, parentId: parent && id[parent], level })).id);
  await add('省');
  await add('甲市', '省', 'CITY');
  await add('乙市', '省', 'CITY');
  await add('甲县', '甲市', 'COUNTY');
  await add('乙县', '乙市', 'COUNTY');
  await add('甲一镇', '甲县', 'TOWNSHIP');
  await add('甲二镇', '甲县', 'TOWNSHIP');
  await add('乙一镇', '乙县', 'TOWNSHIP');
  await add('甲旧镇', '甲县', 'TOWNSHIP');
  await t.db.agency.update({ where: { id: id['甲旧镇'] }, data: { isActive: false } });
  for (let i = 0; i < AGENCY_SEARCH_LIMIT + 5; i += 1)
    await createTestAgency(t.db, { name: `乙所${String(i).padStart(2, '0')}`, parentId: id['乙县'] });
});
afterAll(async () => t.drop());

describe('children of an agency for the lazy picker', () => {
  it('answers the active children of an agency in scope, with whether each has children of its own', async () => {
    const out = await listAgencyOptionChildren({ access: reader(id['甲市']!), parentId: id['甲市']!, db: t.db });
    expect(out).toEqual({
      agencies: [{ id: id['甲县'], name: '甲县', parentId: id['甲市'], lazyChildren: true }],
      truncated: false,
    });
    const towns = await listAgencyOptionChildren({ access: reader(id['甲市']!), parentId: id['甲县']!, db: t.db });
    expect(towns.agencies.map((a) => [a.name, a.lazyChildren])).toEqual([
      ['甲一镇', false],
      ['甲二镇', false],
    ]);
  });

  it('a reader of one city cannot list the children of another city, nor of the province above', async () => {
    for (const parent of ['乙市', '乙县', '省'])
      await expect(
        listAgencyOptionChildren({ access: reader(id['甲市']!), parentId: id[parent]!, db: t.db }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('agency search for the lazy picker', () => {
  it('finds only agencies of the scope, with their ancestors inside the scope', async () => {
    const out = await searchAgencyOptions({ access: reader(id['甲市']!), query: '镇', db: t.db });
    expect(out.truncated).toBe(false);
    expect(out.agencies.map((a) => a.name).sort()).toEqual(['甲一镇', '甲二镇', '甲县', '甲市'].sort());
    // The path's nodes only bring the matches below them: opening one loads the rest.
    expect(out.agencies.find((a) => a.name === '甲县')?.lazyChildren).toBe(true);
    const wide = await searchAgencyOptions({ access: reader(id['省']!), query: '一镇', db: t.db });
    expect(wide.agencies.map((a) => a.name).sort()).toEqual(
      ['乙一镇', '乙县', '乙市', '甲一镇', '甲县', '甲市', '省'].sort(),
    );
  });

  it('answers at most AGENCY_SEARCH_LIMIT matches and says there were more', async () => {
    const out = await searchAgencyOptions({ access: reader(id['省']!), query: '乙所', db: t.db });
    expect(out.truncated).toBe(true);
    expect(out.agencies.filter((a) => a.name.startsWith('乙所'))).toHaveLength(AGENCY_SEARCH_LIMIT);
    expect(await searchAgencyOptions({ access: reader(id['甲市']!), query: '乙所', db: t.db })).toEqual({
      agencies: [],
      truncated: false,
    });
  });

  it('takes LIKE wildcards literally', async () => {
    expect((await searchAgencyOptions({ access: reader(id['省']!), query: '%', db: t.db })).agencies).toEqual([]);
    expect((await searchAgencyOptions({ access: reader(id['省']!), query: '_', db: t.db })).agencies).toEqual([]);
  });
});

describe('what the findings page sends to its picker', () => {
  it('sends a small scope whole, as before', async () => {
    const out = await listReadAgencyPicker({ access: reader(id['甲市']!), eagerMax: 200, db: t.db });
    expect(out.lazy).toBe(false);
    expect(out.agencies.map((a) => a.name).sort()).toEqual(['甲一镇', '甲二镇', '甲县', '甲市'].sort());
  });

  it('sends whole levels within the budget, then the path to the chosen agency', async () => {
    const top = await listReadAgencyPicker({ access: reader(id['省']!), eagerMax: 4, db: t.db });
    expect(top.lazy).toBe(true);
    // 省 + 2 cities fit in 4; the 2 counties would too, but then 5 nodes: the county level stays out.
    expect(top.agencies.map((a) => [a.name, a.lazyChildren])).toEqual([
      ['省', false],
      ['乙市', true],
      ['甲市', true],
    ]);
    const chosen = await listReadAgencyPicker({
      access: reader(id['省']!),
      chosenId: id['甲一镇'],
      eagerMax: 4,
      db: t.db,
    });
    expect(chosen.agencies.slice(3).map((a) => [a.name, a.lazyChildren])).toEqual([
      ['甲县', true],
      ['甲一镇', false],
    ]);
    // A chosen agency outside the scope adds nothing.
    const other = await listReadAgencyPicker({
      access: reader(id['甲市']!),
      chosenId: id['乙一镇'],
      eagerMax: 1,
      db: t.db,
    });
    expect(other.agencies.map((a) => a.name)).toEqual(['甲市']);
  });
});
