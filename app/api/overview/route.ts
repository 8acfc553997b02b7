// GET /api/overview – the overview's figures for the caller's scope (pass rate, vetoed, zombie and at-risk counts of
// the latest scores, the accounts past or near the update limit), the same figures the overview page shows.
import { READ_ROLES, scopeRoots } from '@/lib/access';
import { toErrorResponse } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { getSharedOverview } from '@/lib/services/get-overview';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    const access = await requireAccess(READ_ROLES);
    return Response.json(await getSharedOverview({ scopeRoots: scopeRoots(access, READ_ROLES) }));
  } catch (error) {
    return toErrorResponse(error, request);
  }
}
