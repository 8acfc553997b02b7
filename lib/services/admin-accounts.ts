import { ADMIN_ROLES, canAccessAgency, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { createAccount, findAccountByPlatformHandle, listAccountsPage, listAgencyAncestryByCodes, listAgencyOptions } from '@/lib/data/admin-accounts';
import { findAgencyNode } from '@/lib/data/agency-scorecard';
import { AppError } from '@/lib/errors';
import { registerAccountInputSchema, type RegisterAccountInput } from '@/lib/schemas/account';
import { importAccounts, previewAccountImport } from './import-accounts';
import type { ImportFile } from './read-import-table';
import { recordAudit } from './record-audit';

export const ADMIN_ACCOUNTS_PAGE_SIZE = 30;

export async function listAdminAccounts({ access, filter, db = getDb() }: { access: Access; filter: { platform?: string; q?: string; page: number }; db?: PrismaClient }) {
  return listAccountsPage(db, scopeRoots(access, ADMIN_ROLES), filter, ADMIN_ACCOUNTS_PAGE_SIZE);
}

export async function listAdminAgencyOptions({ access, db = getDb() }: { access: Access; db?: PrismaClient }) {
  return listAgencyOptions(db, scopeRoots(access, ADMIN_ROLES));
}

/** Registers one account in the admin's scope; a taken platform handle is a CONFLICT on `handle`. */
export async function registerAccount({ access, input, now, db = getDb() }: { access: Access; input: RegisterAccountInput | unknown; now: Date; db?: PrismaClient }) {
  const data = registerAccountInputSchema.parse(input);
  const agency = await findAgencyNode(db, data.agencyId);
  if (!agency || !canAccessAgency(access, ADMIN_ROLES, agency)) throw new AppError('FORBIDDEN', 'Agency outside your scope', { details: { agencyId: ['forbidden'] } });
  if (await findAccountByPlatformHandle(db, data.platformCode, data.handle)) {
    throw new AppError('CONFLICT', 'This account is already registered', { details: { handle: ['already registered'] } });
  }
  return db.$transaction(async (tx) => {
    const row = await createAccount(tx, { ...data, openedAt: now });
    await recordAudit(tx, { actorId: access.userId, action: 'account.register', entityType: 'account', entityId: row.id, after: data });
    return row;
  });
}

async function assertRowsInScope(db: PrismaClient, access: Access, codes: string[]) {
  const agencies = await listAgencyAncestryByCodes(db, [...new Set(codes)]);
  const outside = agencies.filter((a) => !canAccessAgency(access, ADMIN_ROLES, a)).map((a) => a.code);
  if (outside.length) throw new AppError('FORBIDDEN', `Agencies outside your scope: ${outside.join(', ')}`);
}

/** Preview of an import restricted to the admin's scope (nothing written). */
export async function previewImportInScope({ access, file, db = getDb() }: { access: Access; file: ImportFile; db?: PrismaClient }) {
  const preview = await previewAccountImport({ db, file });
  await assertRowsInScope(db, access, preview.rows.map((r) => r.agencyCode));
  return preview;
}

/** All-or-nothing import after the scope check; row errors come back as ImportRejectedError. */
export async function importAccountsInScope({ access, file, db = getDb() }: { access: Access; file: ImportFile; db?: PrismaClient }) {
  const preview = await previewAccountImport({ db, file });
  await assertRowsInScope(db, access, preview.rows.map((r) => r.agencyCode));
  return importAccounts({ db, file, actorId: access.userId });
}
