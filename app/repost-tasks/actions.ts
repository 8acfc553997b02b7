'use server';

import { revalidatePath } from 'next/cache';
import { REVIEW_ROLES } from '@/lib/access';
import { toActionError, type ActionResult } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { createRepostTaskInputSchema } from '@/lib/schemas/repost-task';
import { createRepostTask } from '@/lib/services/create-repost-task';

export async function createRepostTaskAction(input: unknown): Promise<ActionResult<{ id: string; targets: number; reposted: number }>> {
  try {
    const access = await requireAccess(REVIEW_ROLES);
    const parsed = createRepostTaskInputSchema.safeParse(input);
    if (!parsed.success) return toActionError(parsed.error);
    const data = await createRepostTask({ access, input });
    revalidatePath('/repost-tasks');
    return { ok: true, data };
  } catch (error) {
    return toActionError(error);
  }
}
