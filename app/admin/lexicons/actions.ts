'use server';

import { revalidatePath } from 'next/cache';
import { ADMIN_ROLES } from '@/lib/access';
import { toActionError, type ActionResult } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { addLexiconEntryInputSchema, addLexiconTerm, toggleLexiconEntryInputSchema, toggleLexiconTerm } from '@/lib/services/manage-lexicons';

export async function addLexiconTermAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    const access = await requireAccess(ADMIN_ROLES);
    const parsed = addLexiconEntryInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    const data = await addLexiconTerm({ access, input });
    revalidatePath('/admin/lexicons');
    return { ok: true, data };
  } catch (error) {
    return toActionError(error);
  }
}

export async function toggleLexiconTermAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    const access = await requireAccess(ADMIN_ROLES);
    const parsed = toggleLexiconEntryInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    const data = await toggleLexiconTerm({ access, input });
    revalidatePath('/admin/lexicons');
    return { ok: true, data };
  } catch (error) {
    return toActionError(error);
  }
}
