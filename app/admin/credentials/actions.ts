'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { toActionError, type ActionResult } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { attachCredentialInputSchema, createCredentialInputSchema, credentialFormInput, deleteCredentialInputSchema, replaceCredentialSecretInputSchema } from '@/lib/schemas/credential';
import { addCredential, attachCredential, removeCredential, replaceCredential } from '@/lib/services/manage-credentials';

// Results carry ids only: a secret goes in, never back out.

export async function addCredentialAction(form: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    const access = await requireAccess(ADMIN_ROLES);
    const input = credentialFormInput(form);
    const parsed = createCredentialInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    return { ok: true, data: await addCredential({ access, input }) };
  } catch (error) {
    return toActionError(error);
  }
}

export async function replaceCredentialAction(form: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    const access = await requireAccess(ADMIN_ROLES);
    const input = credentialFormInput(form);
    const parsed = replaceCredentialSecretInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    return { ok: true, data: await replaceCredential({ access, input }) };
  } catch (error) {
    return toActionError(error);
  }
}

export async function deleteCredentialAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    const access = await requireAccess(ADMIN_ROLES);
    const parsed = deleteCredentialInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    return { ok: true, data: await removeCredential({ access, input }) };
  } catch (error) {
    return toActionError(error);
  }
}

export async function attachCredentialAction(input: unknown): Promise<ActionResult<{ accountId: string }>> {
  try {
    const access = await requireAccess(ADMIN_ROLES);
    const parsed = attachCredentialInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    return { ok: true, data: await attachCredential({ access, input }) };
  } catch (error) {
    return toActionError(error);
  }
}
