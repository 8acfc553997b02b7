'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { toActionError, type ActionResult } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { createAgencyInputSchema } from '@/lib/schemas/agency';
import { addAgency } from '@/lib/services/manage-agencies';

export async function addAgencyAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    const access = await requireAccess(ADMIN_ROLES);
    const parsed = createAgencyInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    return { ok: true, data: await addAgency({ access, input }) };
  } catch (error) {
    return toActionError(error);
  }
}
