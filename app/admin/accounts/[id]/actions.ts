'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { toActionError, type ActionResult } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { accountLifecycleInputSchema } from '@/lib/schemas/account-lifecycle';
import { recordAccountLifecycle } from '@/lib/services/record-account-lifecycle';

export async function recordAccountLifecycleAction(input: unknown): Promise<ActionResult<{ eventId: string }>> {
  try {
    const access = await requireAccess(ADMIN_ROLES);
    const parsed = accountLifecycleInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    return { ok: true, data: await recordAccountLifecycle({ access, input, now: new Date() }) };
  } catch (error) {
    return toActionError(error);
  }
}
