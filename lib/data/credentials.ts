import type { Db } from '@/lib/db/types';

/** A credential as the UI may see it: no ciphertext, only the masked hint. */
export type CredentialSummaryDto = {
  id: string;
  platformCode: string;
  kind: string;
  label: string;
  secretHint: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastError: string | null;
  createdById: string | null;
  accounts: number;
  updatedAt: string;
};

export type SealedCredentialData = {
  kind: string;
  secretHint: string;
  keyId: string;
  ciphertext: Uint8Array;
  iv: Uint8Array;
  authTag: Uint8Array;
  expiresAt: Date | null;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;
const bytes = (b: Uint8Array) => new Uint8Array(b);

export async function listCredentialSummaries(db: Db, platformCode?: string): Promise<CredentialSummaryDto[]> {
  const rows = await db.platformCredential.findMany({
    where: platformCode ? { platformCode } : {},
    orderBy: [{ platformCode: 'asc' }, { label: 'asc' }],
    select: {
      id: true,
      platformCode: true,
      kind: true,
      label: true,
      secretHint: true,
      expiresAt: true,
      lastUsedAt: true,
      lastError: true,
      createdById: true,
      updatedAt: true,
      _count: { select: { accounts: true } },
    },
  });
  return rows.map(({ _count, ...r }) => ({
    ...r,
    expiresAt: iso(r.expiresAt),
    lastUsedAt: iso(r.lastUsedAt),
    updatedAt: r.updatedAt.toISOString(),
    accounts: _count.accounts,
  }));
}

export async function findCredentialMeta(db: Db, id: string) {
  return db.platformCredential.findUnique({
    where: { id },
    select: { id: true, platformCode: true, kind: true, label: true, secretHint: true, createdById: true },
  });
}

export async function createCredential(
  db: Db,
  data: SealedCredentialData & { platformCode: string; label: string; createdById: string | null },
) {
  return db.platformCredential.create({
    data: { ...data, ciphertext: bytes(data.ciphertext), iv: bytes(data.iv), authTag: bytes(data.authTag) },
    select: { id: true },
  });
}

/** Replaces the sealed secret; the previous error is cleared because it concerned the old secret. */
export async function replaceCredentialSecret(db: Db, id: string, data: SealedCredentialData) {
  await db.platformCredential.update({
    where: { id },
    data: {
      ...data,
      ciphertext: bytes(data.ciphertext),
      iv: bytes(data.iv),
      authTag: bytes(data.authTag),
      lastError: null,
    },
  });
}

/** Deletes the credential; accounts using it fall back to anonymous crawling (FK is ON DELETE SET NULL). */
export async function deleteCredential(db: Db, id: string) {
  await db.platformCredential.delete({ where: { id } });
}

export async function markCredentialUsed(db: Db, id: string, at: Date) {
  await db.platformCredential.updateMany({ where: { id }, data: { lastUsedAt: at, lastError: null } });
}

export async function setCredentialError(db: Db, id: string, message: string) {
  await db.platformCredential.updateMany({ where: { id }, data: { lastError: message.slice(0, 500) } });
}

export async function setAccountCredential(db: Db, accountId: string, credentialId: string | null) {
  await db.account.update({ where: { id: accountId }, data: { credentialId } });
}

export async function countCredentials(db: Db): Promise<number> {
  return db.platformCredential.count();
}

export type StoredCredential = {
  id: string;
  platformCode: string;
  kind: string;
  keyId: string;
  ciphertext: Uint8Array;
  iv: Uint8Array;
  authTag: Uint8Array;
  expiresAt: Date | null;
};

/** The encrypted credential row; decryption (CREDENTIALS_KEY) belongs to the caller's credential hook. */
export async function findStoredCredential(db: Db, credentialId: string): Promise<StoredCredential | null> {
  return db.platformCredential.findUnique({
    where: { id: credentialId },
    select: {
      id: true,
      platformCode: true,
      kind: true,
      keyId: true,
      ciphertext: true,
      iv: true,
      authTag: true,
      expiresAt: true,
    },
  });
}
