import { hasRole, type Access } from '@/lib/access';
import type { Db } from '@/lib/db/types';
import { AppError } from '@/lib/errors';
import { isAdminOver } from './owner-admin';

/** Editing editions needs an administrator grant; which editions, `assertEditionOwnerAdmin` decides. */
export function assertEditionAdmin(access: Access): void {
  if (!hasRole(access, ['ADMIN'])) throw new AppError('FORBIDDEN', 'editionsAdminOnly');
}

/**
 * An edition belongs to an agency (null: the root, e.g. national-2019) and scores inspections in its subtree, so
 * only admins of that agency or an ancestor change or publish it; a county admin clones it into their own.
 */
export async function assertEditionOwnerAdmin(
  db: Db,
  access: Access,
  edition: { ownerAgencyId: string | null },
): Promise<void> {
  assertEditionAdmin(access);
  if (!(await isAdminOver(db, access, edition.ownerAgencyId))) throw new AppError('FORBIDDEN', 'editionOutOfScope');
}
