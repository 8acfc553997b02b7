'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { toActionError, type ActionResult } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { createAgencyInputSchema, moveAgencyInputSchema, renameAgencyInputSchema } from '@/lib/schemas/agency';
import { moveAgency, renameAgency } from '@/lib/services/edit-agency';
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

export async function renameAgencyAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    const access = await requireAccess(ADMIN_ROLES);
    const parsed = renameAgencyInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    return { ok: true, data: await renameAgency({ access, input }) };
  } catch (error) {
    return toActionError(error);
  }
}

export async function moveAgencyAction(input: unknown): Promise<ActionResult<{ id: string; descendants: number }>> {
  try {
    const access = await requireAccess(ADMIN_ROLES);
    const parsed = moveAgencyInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    return { ok: true, data: await moveAgency({ access, input }) };
  } catch (error) {
    return toActionError(error);
  }
}
