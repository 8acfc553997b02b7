import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { registerAccount } from '@/lib/services/admin-accounts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAgency } from '../../helpers/factories';

let t: TestDatabase;
let countyA: string;
let countyB: string;
const adminOf = (agencyId: string): Access => ({
  userId: `admin-${agencyId}`,
  name: 'a',
  email: 'a@x',
  locale: 'zh-CN',
  grants: [{ role: 'ADMIN', agencyId, agencyName: '' }],
});
const now = new Date('2026-05-11T04:00:00Z');

beforeAll(async () => {
  t = await createTestDatabase();
  const province = (await createTestAgency(t.db)).id;
  countyA = (await createTestAgency(t.db, { parentId: province })).id;
  countyB = (await createTestAgency(t.db, { parentId: province })).id;
});
afterAll(async () => t.drop());

describe('registering one account (account aggregate: lib/data/accounts.ts)', () => {
  const input = (agencyId: string, handle: string) => ({
    agencyId,
    platformCode: 'WEIBO',
    handle,
    displayName: '县融媒体中心',
  });

  it('creates the account in scope and audits it; the same platform handle again is a CONFLICT on handle', async () => {
    const { id } = await registerAccount({
      access: adminOf(countyA),
      input: input(countyA, '7400000001'),
      now,
      db: t.db,
    });
    expect(await t.db.account.findUniqueOrThrow({ where: { id } })).toMatchObject({
      agencyId: countyA,
      platformCode: 'WEIBO',
      handle: '7400000001',
      openedAt: now,
    });
    expect(await t.db.auditLog.count({ where: { action: 'account.register', entityId: id } })).toBe(1);
    await expect(
      registerAccount({ access: adminOf(countyA), input: input(countyA, '7400000001'), now, db: t.db }),
    ).rejects.toMatchObject({ code: 'CONFLICT', field: 'handle' });
    expect(await t.db.account.count({ where: { handle: '7400000001' } })).toBe(1);
  });

  it('an agency outside the administrator’s scope is refused and nothing is written', async () => {
    await expect(
      registerAccount({ access: adminOf(countyA), input: input(countyB, '7400000002'), now, db: t.db }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', field: 'agencyId' });
    expect(await t.db.account.count({ where: { handle: '7400000002' } })).toBe(0);
  });
});
