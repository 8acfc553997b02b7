'use server';

import { REVIEW_ROLES } from '@/lib/access';
import { toActionError, type ActionResult } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { reviewFindingsInputSchema } from '@/lib/schemas/finding';
import { reviewFindings } from '@/lib/services/review-findings';

export async function reviewFindingsAction(input: unknown): Promise<ActionResult<{ updated: number; rescored: number }>> {
  try {
    const access = await requireAccess(REVIEW_ROLES);
    const parsed = reviewFindingsInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    return { ok: true, data: await reviewFindings({ access, input: parsed.data, now: new Date() }) };
  } catch (error) {
    return toActionError(error);
  }
}
