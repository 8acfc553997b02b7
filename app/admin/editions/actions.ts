'use server';

import { revalidatePath } from 'next/cache';
import { ADMIN_ROLES } from '@/lib/access';
import { toActionError, type ActionResult } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { cloneEditionInputSchema, publishEditionInputSchema, updateEditionDraftInputSchema } from '@/lib/schemas/edition-admin';
import { cloneEditionDraft } from '@/lib/services/clone-edition';
import { publishEdition } from '@/lib/services/publish-edition';
import { updateEditionDraft } from '@/lib/services/update-edition-draft';

export async function cloneEditionAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    const access = await requireAccess(ADMIN_ROLES);
    const parsed = cloneEditionInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    const created = await cloneEditionDraft({ access, input });
    revalidatePath('/admin/editions');
    return { ok: true, data: { id: created.id } };
  } catch (error) {
    return toActionError(error);
  }
}

export async function updateEditionDraftAction(input: unknown): Promise<ActionResult<{ id: string; changed: number; newVersion: string | null }>> {
  try {
    const access = await requireAccess(ADMIN_ROLES);
    const parsed = updateEditionDraftInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    const data = await updateEditionDraft({ access, input });
    revalidatePath(`/admin/editions/${data.id}`);
    if (data.newVersion) revalidatePath('/admin/editions');
    return { ok: true, data };
  } catch (error) {
    return toActionError(error);
  }
}

export async function publishEditionAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    const access = await requireAccess(ADMIN_ROLES);
    const parsed = publishEditionInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    const data = await publishEdition({ access, input, now: new Date() });
    revalidatePath('/admin/editions');
    revalidatePath('/inspections');
    return { ok: true, data };
  } catch (error) {
    return toActionError(error);
  }
}
