import { ADMIN_ROLES, canAccessAgency, hasRole, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { findAccountHeader } from '@/lib/data/account-detail';
import { listAgencyNodes } from '@/lib/data/agencies';
import {
  createCredential,
  deleteCredential,
  findCredentialMeta,
  listCredentialSummaries,
  replaceCredentialSecret,
  setAccountCredential,
} from '@/lib/data/credentials';
import { AppError, notFound } from '@/lib/errors';
import {
  attachCredentialInputSchema,
  CREDENTIAL_KIND_PLATFORM,
  createCredentialInputSchema,
  deleteCredentialInputSchema,
  maskCredential,
  replaceCredentialSecretInputSchema,
  type CredentialPayload,
} from '@/lib/schemas/credential';
import {
  CredentialKeyError,
  loadCredentialKeyRing,
  sealJson,
  type CredentialKeyRing,
} from '@/lib/security/credentials';
import { recordAudit } from './record-audit';

// Credentials belong to a platform, not to an agency: any administrator may add one and attach it to accounts
// in scope; replacing or deleting one is for its creator or an administrator of a root agency.

type Deps = { access: Access; db?: PrismaClient; keys?: () => CredentialKeyRing };

function requireAdmin(access: Access) {
  if (!hasRole(access, ADMIN_ROLES)) throw new AppError('FORBIDDEN', 'credentialsAdminOnly');
}

function keyRing(keys: Deps['keys']): CredentialKeyRing {
  try {
    return (keys ?? (() => loadCredentialKeyRing()))();
  } catch (error) {
    if (error instanceof CredentialKeyError)
      throw new AppError('INTERNAL', 'credentialKey', { params: { detail: error.message }, cause: error });
    throw error;
  }
}

function seal(ring: CredentialKeyRing, payload: CredentialPayload, expiresAt: Date | null) {
  return {
    ...sealJson(ring, payload, payload.kind),
    kind: payload.kind,
    secretHint: maskCredential(payload),
    expiresAt,
  };
}

async function requireManageable(db: PrismaClient, access: Access, id: string) {
  requireAdmin(access);
  const meta = await findCredentialMeta(db, id);
  if (!meta) throw notFound('credential');
  if (meta.createdById === access.userId) return meta;
  const roots = await listAgencyNodes(db, scopeRoots(access, ADMIN_ROLES));
  if (!roots.some((r) => r.parentId === null)) throw new AppError('FORBIDDEN', 'credentialChangeForbidden');
  return meta;
}

export async function listCredentials({ access, db = getDb(), platformCode }: Deps & { platformCode?: string }) {
  requireAdmin(access);
  return listCredentialSummaries(db, platformCode);
}

export async function addCredential({ access, input, db = getDb(), keys }: Deps & { input: unknown }) {
  requireAdmin(access);
  const data = createCredentialInputSchema.parse(input);
  const sealed = seal(keyRing(keys), data.payload, data.expiresAt);
  const platformCode = CREDENTIAL_KIND_PLATFORM[data.payload.kind];
  return db.$transaction(async (tx) => {
    const row = await createCredential(tx, { ...sealed, platformCode, label: data.label, createdById: access.userId });
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'credential.create',
      entityType: 'platform_credential',
      entityId: row.id,
      after: {
        label: data.label,
        kind: sealed.kind,
        platformCode,
        secretHint: sealed.secretHint,
        expiresAt: data.expiresAt,
      },
    });
    return row;
  });
}

export async function replaceCredential({ access, input, db = getDb(), keys }: Deps & { input: unknown }) {
  const data = replaceCredentialSecretInputSchema.parse(input);
  const meta = await requireManageable(db, access, data.id);
  if (data.payload.kind !== meta.kind)
    throw new AppError('VALIDATION', 'credentialKindFixed', { params: { kind: meta.kind }, field: 'kind' });
  const sealed = seal(keyRing(keys), data.payload, data.expiresAt);
  await db.$transaction(async (tx) => {
    await replaceCredentialSecret(tx, meta.id, sealed);
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'credential.replace-secret',
      entityType: 'platform_credential',
      entityId: meta.id,
      before: { label: meta.label, kind: meta.kind, secretHint: meta.secretHint },
      after: { label: meta.label, kind: meta.kind, secretHint: sealed.secretHint, expiresAt: data.expiresAt },
    });
  });
  return { id: meta.id };
}

export async function removeCredential({ access, input, db = getDb() }: Deps & { input: unknown }) {
  const { id } = deleteCredentialInputSchema.parse(input);
  const meta = await requireManageable(db, access, id);
  await db.$transaction(async (tx) => {
    await deleteCredential(tx, id);
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'credential.delete',
      entityType: 'platform_credential',
      entityId: id,
      before: { label: meta.label, kind: meta.kind, secretHint: meta.secretHint },
    });
  });
  return { id };
}

/** Attaches a credential to an account in the administrator's scope (or detaches with null); platforms must match. */
export async function attachCredential({ access, input, db = getDb() }: Deps & { input: unknown }) {
  requireAdmin(access);
  const data = attachCredentialInputSchema.parse(input);
  const account = await findAccountHeader(db, data.accountId);
  if (!account || !canAccessAgency(access, ADMIN_ROLES, account.agency)) throw notFound('account');
  const credential = data.credentialId ? await findCredentialMeta(db, data.credentialId) : null;
  if (data.credentialId && !credential) throw notFound('credential');
  if (credential && credential.platformCode !== account.platformCode) {
    throw new AppError('VALIDATION', 'credentialOtherPlatform', {
      params: { platform: credential.platformCode },
      field: 'credentialId',
    });
  }
  await db.$transaction(async (tx) => {
    await setAccountCredential(tx, account.id, credential?.id ?? null);
    await recordAudit(tx, {
      actorId: access.userId,
      action: credential ? 'account.attach-credential' : 'account.detach-credential',
      entityType: 'account',
      entityId: account.id,
      after: credential
        ? {
            credentialId: credential.id,
            label: credential.label,
            kind: credential.kind,
            secretHint: credential.secretHint,
          }
        : { credentialId: null },
    });
  });
  return { accountId: account.id };
}
