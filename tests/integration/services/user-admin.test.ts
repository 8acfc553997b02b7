import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { changeUserGrants } from '@/lib/services/change-user-grants';
import { createUser } from '@/lib/services/create-user';
import { resetUserPassword } from '@/lib/services/reset-user-password';
import { setUserActive } from '@/lib/services/set-user-active';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAgency } from '../../helpers/factories';

let t: TestDatabase;
let province: string;
let countyA: string;
let countyB: string;
const adminOf = (agencyId: string, userId = `admin-${agencyId}`): Access => ({
  userId,
  name: 'a',
  email: 'a@x',
  locale: 'zh-CN',
  grants: [{ role: 'ADMIN', agencyId, agencyName: '' }],
});
const newUser = async (email: string, grants: Array<{ role: 'ADMIN' | 'SUPERVISOR' | 'AUDITOR'; agencyId: string }>) =>
  (await createUser({ input: { name: email, email, password: 'initial-password-1', grants }, actorId: null, db: t.db }))
    .id;
const sessionFor = (userId: string) =>
  t.db.session.create({
    data: {
      id: `s-${userId}-${Math.random()}`,
      userId,
      token: `tok-${Math.random()}`,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });

beforeAll(async () => {
  t = await createTestDatabase();
  province = (await createTestAgency(t.db)).id;
  countyA = (await createTestAgency(t.db, { parentId: province })).id;
  countyB = (await createTestAgency(t.db, { parentId: province })).id;
});
afterAll(async () => t.drop());

describe('user administration', () => {
  it('deactivating signs the user out everywhere and is audited; reactivating restores; scope and self are guarded', async () => {
    const userId = await newUser('county-a-supervisor@x.local', [{ role: 'SUPERVISOR', agencyId: countyA }]);
    await sessionFor(userId);
    await sessionFor(userId);
    await expect(
      setUserActive({ access: adminOf(countyB), input: { userId, isActive: false }, db: t.db }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      setUserActive({
        access: { ...adminOf(countyA), grants: [{ role: 'SUPERVISOR', agencyId: countyA, agencyName: '' }] },
        input: { userId, isActive: false },
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await setUserActive({ access: adminOf(countyA), input: { userId, isActive: false }, db: t.db })).toEqual({
      changed: true,
      sessionsEnded: 2,
    });
    expect(await t.db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ isActive: false });
    expect(await t.db.session.count({ where: { userId } })).toBe(0);
    expect(await t.db.auditLog.findFirst({ where: { action: 'user.deactivate', entityId: userId } })).toMatchObject({
      after: { isActive: false, sessionsEnded: 2 },
    });
    expect(await setUserActive({ access: adminOf(province), input: { userId, isActive: true }, db: t.db })).toEqual({
      changed: true,
      sessionsEnded: 0,
    });

    const selfId = await newUser('self-admin@x.local', [{ role: 'ADMIN', agencyId: province }]);
    await expect(
      setUserActive({ access: adminOf(province, selfId), input: { userId: selfId, isActive: false }, db: t.db }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a county administrator cannot touch a user who also holds a role above the county', async () => {
    const userId = await newUser('mixed@x.local', [
      { role: 'AUDITOR', agencyId: countyA },
      { role: 'SUPERVISOR', agencyId: province },
    ]);
    await expect(
      setUserActive({ access: adminOf(countyA), input: { userId, isActive: false }, db: t.db }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      changeUserGrants({
        access: adminOf(countyA),
        input: { op: 'ADD', userId, role: 'SUPERVISOR', agencyId: countyA },
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('adds and removes role grants inside the administrator scope; one grant always stays', async () => {
    const userId = await newUser('grants@x.local', [{ role: 'AUDITOR', agencyId: countyA }]);
    await expect(
      changeUserGrants({
        access: adminOf(countyA),
        input: { op: 'ADD', userId, role: 'SUPERVISOR', agencyId: countyB },
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      changeUserGrants({
        access: adminOf(countyA),
        input: { op: 'ADD', userId, role: 'AUDITOR', agencyId: countyA },
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const { grantId } = await changeUserGrants({
      access: adminOf(countyA),
      input: { op: 'ADD', userId, role: 'SUPERVISOR', agencyId: countyA },
      db: t.db,
    });
    expect(
      (await t.db.roleGrant.findMany({ where: { userId }, select: { role: true } })).map((g) => g.role).sort(),
    ).toEqual(['AUDITOR', 'SUPERVISOR']);
    const auditor = await t.db.roleGrant.findFirstOrThrow({ where: { userId, role: 'AUDITOR' } });
    await changeUserGrants({
      access: adminOf(countyA),
      input: { op: 'REMOVE', userId, grantId: auditor.id },
      db: t.db,
    });
    await expect(
      changeUserGrants({ access: adminOf(countyA), input: { op: 'REMOVE', userId, grantId }, db: t.db }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(
      await t.db.auditLog.count({
        where: { entityId: userId, action: { in: ['user.grant-add', 'user.grant-remove'] } },
      }),
    ).toBe(2);
    await expect(
      changeUserGrants({
        access: adminOf(countyA),
        input: { op: 'ADD', userId, role: 'NOPE', agencyId: countyA },
        db: t.db,
      }),
    ).rejects.toThrow();
  });

  it('an administrator cannot drop their own last administrator role', async () => {
    const selfId = await newUser('last-admin@x.local', [
      { role: 'ADMIN', agencyId: countyA },
      { role: 'AUDITOR', agencyId: countyA },
    ]);
    const adminGrant = await t.db.roleGrant.findFirstOrThrow({ where: { userId: selfId, role: 'ADMIN' } });
    await expect(
      changeUserGrants({
        access: adminOf(countyA, selfId),
        input: { op: 'REMOVE', userId: selfId, grantId: adminGrant.id },
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('resetting a password replaces the hash, ends sessions and keeps the password out of the audit log', async () => {
    const userId = await newUser('reset@x.local', [{ role: 'SUPERVISOR', agencyId: countyB }]);
    await sessionFor(userId);
    const before = await t.db.authAccount.findFirstOrThrow({ where: { userId, providerId: 'credential' } });
    await expect(
      resetUserPassword({ access: adminOf(countyB), input: { userId, password: 'short' }, db: t.db }),
    ).rejects.toThrow();
    expect(
      await resetUserPassword({
        access: adminOf(countyB),
        input: { userId, password: 'a-new-password-2026' },
        db: t.db,
      }),
    ).toEqual({ sessionsEnded: 1 });
    const after = await t.db.authAccount.findFirstOrThrow({ where: { userId, providerId: 'credential' } });
    expect(after.password).not.toBe(before.password);
    expect(after.password).not.toContain('a-new-password-2026');
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: 'user.password-reset', entityId: userId } });
    expect(JSON.stringify(audit)).not.toContain('a-new-password-2026');
  });
});
