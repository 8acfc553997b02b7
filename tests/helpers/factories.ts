import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@/lib/db/types';
import type { PlatformCode } from '@/lib/schemas/enums';

const suffix = () => randomBytes(4).toString('hex');

export async function createTestAgency(
  db: PrismaClient,
  fields: {
    name?: string;
    parentId?: string;
    level?: 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWNSHIP' | 'DEPARTMENT';
    isSupervisingUnit?: boolean;
  } = {},
) {
  const parent = fields.parentId ? await db.agency.findUniqueOrThrow({ where: { id: fields.parentId } }) : null;
  return db.agency.create({
    data: {
      name: fields.name ?? `测试单位-${suffix()}`,
      level: fields.level ?? (parent ? 'DEPARTMENT' : 'PROVINCE'),
      parentId: parent?.id ?? null,
      ancestorIds: parent ? [...parent.ancestorIds, parent.id] : [],
      isSupervisingUnit: fields.isSupervisingUnit ?? false,
    },
  });
}

export async function createTestAccount(
  db: PrismaClient,
  agencyId: string,
  fields: { platformCode?: PlatformCode; handle?: string; displayName?: string } = {},
) {
  return db.account.create({
    data: {
      agencyId,
      platformCode: fields.platformCode ?? 'WEIBO',
      handle: fields.handle ?? `74${Date.now() % 1e8}${suffix()}`,
      displayName: fields.displayName ?? `测试发布-${suffix()}`,
    },
  });
}
