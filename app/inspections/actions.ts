'use server';

import { revalidatePath } from 'next/cache';
import { REVIEW_ROLES } from '@/lib/access';
import { toActionError, type ActionResult } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { createInspectionInputSchema } from '@/lib/schemas/inspection';
import { createInspection } from '@/lib/services/create-inspection';

export async function createInspectionAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    const access = await requireAccess(REVIEW_ROLES);
    const parsed = createInspectionInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    const row = await createInspection({ access, input: parsed.data });
    revalidatePath('/inspections');
    return { ok: true, data: row };
  } catch (error) {
    return toActionError(error);
  }
}
