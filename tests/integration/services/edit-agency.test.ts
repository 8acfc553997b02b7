import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { getAgencyEditor, moveAgency, renameAgency } from '@/lib/services/edit-agency';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAgency } from '../../helpers/factories';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const grant = (agencyId: string, role: 'ADMIN' | 'SUPERVISOR' = 'ADMIN'): Access => ({
  userId: 'u1',
  name: 'a',
  email: 'a@x',
  locale: 'zh-CN',
  grants: [{ role, agencyId, agencyName: '' }],
});

/** province → cityA → county → dept → office; province → cityB */
async function tree() {
  const province = await createTestAgency(t.db, { level: 'PROVINCE' });
  const cityA = await createTestAgency(t.db, { parentId: province.id, level: 'CITY' });
  const cityB = await createTestAgency(t.db, { parentId: province.id, level: 'CITY' });
  const county = await createTestAgency(t.db, { parentId: cityA.id, level: 'COUNTY' });
  const dept = await createTestAgency(t.db, { parentId: county.id });
  const office = await createTestAgency(t.db, { parentId: dept.id });
  return { province, cityA, cityB, county, dept, office };
}
const ancestors = async (id: string) => (await t.db.agency.findUniqueOrThrow({ where: { id } })).ancestorIds;

describe('agency editor', () => {
  it('moving an agency rewrites the ancestor ids of its whole subtree and is audited', async () => {
    const a = await tree();
    const result = await moveAgency({
      access: grant(a.province.id),
      db: t.db,
      input: { id: a.county.id, parentId: a.cityB.id },
    });
    expect(result).toEqual({ id: a.county.id, descendants: 2 });
    expect(await t.db.agency.findUniqueOrThrow({ where: { id: a.county.id } })).toMatchObject({
      parentId: a.cityB.id,
      ancestorIds: [a.province.id, a.cityB.id],
    });
    expect(await ancestors(a.dept.id)).toEqual([a.province.id, a.cityB.id, a.county.id]);
    expect(await ancestors(a.office.id)).toEqual([a.province.id, a.cityB.id, a.county.id, a.dept.id]);
    expect(await ancestors(a.cityA.id)).toEqual([a.province.id]);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: 'agency.move', entityId: a.county.id } });
    expect(audit.before).toMatchObject({ parentId: a.cityA.id });
    expect(audit.after).toMatchObject({ parentId: a.cityB.id, descendants: 2 });
    // The subtree now counts under city B for scoping: city B's admin may edit the office, city A's may not.
    await renameAgency({ access: grant(a.cityB.id), db: t.db, input: { id: a.office.id, name: '河西区政务公开办' } });
    await expect(
      renameAgency({ access: grant(a.cityA.id), db: t.db, input: { id: a.office.id, name: '不可改名' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.db.agency.findUniqueOrThrow({ where: { id: a.office.id } })).name).toBe('河西区政务公开办');
    expect(await t.db.auditLog.count({ where: { action: 'agency.rename', entityId: a.office.id } })).toBe(1);
  });

  it('refuses moving under itself or a descendant, leaving the tree untouched', async () => {
    const a = await tree();
    const access = grant(a.province.id);
    await expect(
      moveAgency({ access, db: t.db, input: { id: a.cityA.id, parentId: a.cityA.id } }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      moveAgency({ access, db: t.db, input: { id: a.cityA.id, parentId: a.office.id } }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await ancestors(a.office.id)).toEqual([a.province.id, a.cityA.id, a.county.id, a.dept.id]);
    const editor = await getAgencyEditor({ access, agencyId: a.cityA.id, db: t.db });
    expect(editor.targets.map((x) => x.id).sort()).toEqual([a.province.id, a.cityB.id].sort());
    expect(await t.db.auditLog.count({ where: { entityId: a.cityA.id } })).toBe(0);
  });

  it('scope: an administrator acts only inside the subtree, never moves it out, and other roles are refused', async () => {
    const a = await tree();
    const cityAdmin = grant(a.cityA.id);
    await expect(
      moveAgency({ access: cityAdmin, db: t.db, input: { id: a.dept.id, parentId: a.cityB.id } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      moveAgency({ access: cityAdmin, db: t.db, input: { id: a.cityB.id, parentId: a.county.id } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      moveAgency({
        access: grant(a.province.id, 'SUPERVISOR'),
        db: t.db,
        input: { id: a.dept.id, parentId: a.cityA.id },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      renameAgency({
        access: grant(a.province.id, 'SUPERVISOR'),
        db: t.db,
        input: { id: a.dept.id, name: '监管员改名' },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const moved = await moveAgency({ access: cityAdmin, db: t.db, input: { id: a.office.id, parentId: a.county.id } });
    expect(moved.descendants).toBe(0);
    expect(await ancestors(a.office.id)).toEqual([a.province.id, a.cityA.id, a.county.id]);
    await expect(
      renameAgency({ access: cityAdmin, db: t.db, input: { id: a.county.id, name: 'x' } }),
    ).rejects.toMatchObject({ name: 'ZodError' });
  });
});
