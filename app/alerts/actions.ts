'use server';

import { revalidatePath } from 'next/cache';
import { REVIEW_ROLES } from '@/lib/access';
import { toActionError, type ActionResult } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { acknowledgeAlerts } from '@/lib/services/acknowledge-alerts';
import { acknowledgeAlertsInputSchema } from '@/lib/schemas/alert';

export async function acknowledgeAlertsAction(input: unknown): Promise<ActionResult<{ acknowledged: number }>> {
  try {
    const access = await requireAccess(REVIEW_ROLES);
    const parsed = acknowledgeAlertsInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    const data = await acknowledgeAlerts({ access, input: parsed.data, now: new Date() });
    revalidatePath('/alerts');
    return { ok: true, data };
  } catch (error) {
    return toActionError(error);
  }
}
