'use server';

import { revalidatePath } from 'next/cache';
import { REVIEW_ROLES } from '@/lib/access';
import { toActionError, type ActionResult } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { completeRectification, completeRectificationInputSchema } from '@/lib/services/complete-rectification';

export async function completeRectificationAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    const access = await requireAccess(REVIEW_ROLES);
    const parsed = completeRectificationInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    const data = await completeRectification({ access, input: parsed.data, now: new Date() });
    revalidatePath('/rectifications');
    return { ok: true, data };
  } catch (error) {
    return toActionError(error);
  }
}
