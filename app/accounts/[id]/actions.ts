'use server';

import { revalidatePath } from 'next/cache';
import { REVIEW_ROLES } from '@/lib/access';
import { toActionError, type ActionResult } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { awardBonusInputSchema, revokeBonusInputSchema } from '@/lib/schemas/bonus-award';
import { awardBonus } from '@/lib/services/award-bonus';
import { revokeBonus } from '@/lib/services/revoke-bonus';

export async function awardBonusAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    const access = await requireAccess(REVIEW_ROLES);
    const parsed = awardBonusInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    const data = await awardBonus({ access, input: parsed.data, now: new Date() });
    revalidatePath(`/accounts/${parsed.data.accountId}`);
    return { ok: true, data };
  } catch (error) {
    return toActionError(error);
  }
}

export async function revokeBonusAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    const access = await requireAccess(REVIEW_ROLES);
    const parsed = revokeBonusInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    return { ok: true, data: await revokeBonus({ access, input: parsed.data, now: new Date() }) };
  } catch (error) {
    return toActionError(error);
  }
}
