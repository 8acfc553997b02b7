// GET /api/agencies/{id} – an agency's scorecard within the caller's scope: its child subtrees' figures (accounts,
// not updated, pass rate, vetoes, zombies) and its own accounts with their latest result and reported score.
import { z } from 'zod';
import { READ_ROLES } from '@/lib/access';
import { toErrorResponse } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { notFound } from '@/lib/errors';
import { getSharedAgencyScorecard } from '@/lib/services/get-agency-scorecard';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.uuid() });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const access = await requireAccess(READ_ROLES);
    const parsed = paramsSchema.safeParse(await params);
    if (!parsed.success) throw notFound('agency');
    return Response.json(await getSharedAgencyScorecard({ access, agencyId: parsed.data.id }));
  } catch (error) {
    return toErrorResponse(error, request);
  }
}
