import { ADMIN_ROLES, canAccessAgency, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Locale } from '@/lib/i18n/config';
import type { PrismaClient } from '@/lib/db/types';
import { createAccount, findAccountByHandle } from '@/lib/data/accounts';
import { listAccountsPage } from '@/lib/data/admin-accounts';
import { findAgenciesByCodes, findAgencyNode } from '@/lib/data/agencies';
import { listAgencyOptions } from '@/lib/data/agency-tree';
import { AppError } from '@/lib/errors';
import { registerAccountInputSchema, type RegisterAccountInput } from '@/lib/schemas/account';
import { importAccounts, previewAccountImport } from './import-accounts';
import type { ImportFile } from './read-import-table';
import { recordAudit } from './record-audit';

export const ADMIN_ACCOUNTS_PAGE_SIZE = 30;

export async function listAdminAccounts({
  access,
  filter,
  db = getDb(),
}: {
  access: Access;
  filter: { platform?: string; q?: string; page: number };
  db?: PrismaClient;
}) {
  return listAccountsPage(db, scopeRoots(access, ADMIN_ROLES), filter, ADMIN_ACCOUNTS_PAGE_SIZE);
}

export async function listAdminAgencyOptions({ access, db = getDb() }: { access: Access; db?: PrismaClient }) {
  return listAgencyOptions(db, scopeRoots(access, ADMIN_ROLES));
}

/** Registers one account in the admin's scope; a taken platform handle is a CONFLICT on `handle`. */
export async function registerAccount({
  access,
  input,
  now,
  db = getDb(),
}: {
  access: Access;
  input: RegisterAccountInput | unknown;
  now: Date;
  db?: PrismaClient;
}) {
  const data = registerAccountInputSchema.parse(input);
  const agency = await findAgencyNode(db, data.agencyId);
  if (!agency || !canAccessAgency(access, ADMIN_ROLES, agency))
    throw new AppError('FORBIDDEN', 'agencyOutOfScope', { field: 'agencyId' });
  if (await findAccountByHandle(db, data.platformCode, data.handle)) {
    throw new AppError('CONFLICT', 'accountAlreadyRegistered', { field: 'handle' });
  }
  return db.$transaction(async (tx) => {
    const row = await createAccount(tx, { ...data, openedAt: now });
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'account.register',
      entityType: 'account',
      entityId: row.id,
      after: data,
    });
    return row;
  });
}

async function assertRowsInScope(db: PrismaClient, access: Access, codes: string[]) {
  const agencies = [...(await findAgenciesByCodes(db, [...new Set(codes)])).values()];
  const outside = agencies.filter((a) => !canAccessAgency(access, ADMIN_ROLES, a)).map((a) => a.code);
  if (outside.length)
    throw new AppError('FORBIDDEN', 'agenciesOutOfScope', { params: { agencies: outside.join(', ') } });
}

/** Preview of an import restricted to the admin's scope (nothing written). */
export async function previewImportInScope({
  access,
  file,
  db = getDb(),
  locale,
}: {
  access: Access;
  file: ImportFile;
  db?: PrismaClient;
  /** The language of the row errors (the request's). */
  locale?: Locale;
}) {
  const preview = await previewAccountImport({ db, file, locale });
  await assertRowsInScope(
    db,
    access,
    preview.rows.map((r) => r.agencyCode),
  );
  return preview;
}

/** All-or-nothing import after the scope check; row errors come back as ImportRejectedError. */
export async function importAccountsInScope({
  access,
  file,
  db = getDb(),
  locale,
}: {
  access: Access;
  file: ImportFile;
  db?: PrismaClient;
  /** The language of the row errors (the request's). */
  locale?: Locale;
}) {
  const preview = await previewAccountImport({ db, file, locale });
  await assertRowsInScope(
    db,
    access,
    preview.rows.map((r) => r.agencyCode),
  );
  return importAccounts({ db, file, actorId: access.userId, locale });
}
