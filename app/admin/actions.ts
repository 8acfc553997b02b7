'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ADMIN_ROLES } from '@/lib/access';
import { toActionError, type ActionResult } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import type { AccountImportPreview } from '@/lib/schemas/account-import';
import { registerAccountInputSchema } from '@/lib/schemas/account';
import { importAccountsInScope, previewImportInScope, registerAccount } from '@/lib/services/admin-accounts';
import { createUserInputSchema, createUserInScope } from '@/lib/services/create-user';
import { changeUserGrants } from '@/lib/services/change-user-grants';
import { ImportRejectedError } from '@/lib/services/import-accounts';
import { resetUserPassword } from '@/lib/services/reset-user-password';
import { setUserActive } from '@/lib/services/set-user-active';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

async function fileFrom(form: FormData) {
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) throw new Error('No file');
  if (file.size > MAX_IMPORT_BYTES) throw new Error('File larger than 5 MB');
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export async function registerAccountAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    const access = await requireAccess(ADMIN_ROLES);
    const parsed = registerAccountInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    // The service parses again (it also serves the CLI); it gets the raw input, its schema transforms once.
    return { ok: true, data: await registerAccount({ access, input, now: new Date() }) };
  } catch (error) {
    return toActionError(error);
  }
}

export type ImportActionResult = ActionResult<{ imported: number; preview: AccountImportPreview }>;

/** Preview (`mode=preview`) or import (`mode=import`) an uploaded CSV/XLSX; row errors come back as a preview. */
export async function importAccountsAction(form: FormData): Promise<ImportActionResult> {
  try {
    const access = await requireAccess(ADMIN_ROLES);
    const file = await fileFrom(form);
    if (form.get('mode') !== 'import') return { ok: true, data: { imported: 0, preview: await previewImportInScope({ access, file }) } };
    return { ok: true, data: await importAccountsInScope({ access, file }) };
  } catch (error) {
    if (error instanceof ImportRejectedError) return { ok: true, data: { imported: 0, preview: { rows: [], errors: error.errors } } };
    if (error instanceof Error && !('code' in error)) return { ok: false, code: 'VALIDATION', message: error.message };
    return toActionError(error);
  }
}

export async function createUserAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    const access = await requireAccess(ADMIN_ROLES);
    const parsed = createUserInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    return { ok: true, data: await createUserInScope({ access, input: parsed.data }) };
  } catch (error) {
    return toActionError(error);
  }
}

const userActiveFormSchema = z.object({ userId: z.string(), isActive: z.enum(['true', 'false']).transform((v) => v === 'true') });

export async function setUserActiveAction(input: unknown): Promise<ActionResult<{ changed: boolean }>> {
  try {
    const access = await requireAccess(ADMIN_ROLES);
    const { changed } = await setUserActive({ access, input: userActiveFormSchema.parse(input) });
    revalidatePath('/admin/users');
    return { ok: true, data: { changed } };
  } catch (error) {
    return toActionError(error);
  }
}

export async function changeUserGrantAction(input: unknown): Promise<ActionResult<{ grantId: string }>> {
  try {
    const access = await requireAccess(ADMIN_ROLES);
    const data = await changeUserGrants({ access, input });
    revalidatePath('/admin/users');
    return { ok: true, data };
  } catch (error) {
    return toActionError(error);
  }
}

export async function resetUserPasswordAction(input: unknown): Promise<ActionResult<{ sessionsEnded: number }>> {
  try {
    const access = await requireAccess(ADMIN_ROLES);
    return { ok: true, data: await resetUserPassword({ access, input }) };
  } catch (error) {
    return toActionError(error);
  }
}
