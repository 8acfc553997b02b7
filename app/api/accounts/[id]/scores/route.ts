// GET /api/accounts/{id}/scores – an account's scores per finished inspection, latest first, as every surface shows
// them: result, reported score (通报得分), computed total, bonus, deductions per indicator (capped), coverage.
import { z } from 'zod';
import { READ_ROLES } from '@/lib/access';
import { toErrorResponse } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { notFound } from '@/lib/errors';
import { getAccountScores } from '@/lib/services/get-account-scores';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.uuid() });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const access = await requireAccess(READ_ROLES);
    const parsed = paramsSchema.safeParse(await params);
    if (!parsed.success) throw notFound('account');
    return Response.json(await getAccountScores({ access, accountId: parsed.data.id }));
  } catch (error) {
    return toErrorResponse(error, request);
  }
}
