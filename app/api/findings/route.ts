// GET /api/findings – findings in the caller's scope (filters: status, indicator, inspectionId, agencyId, page).
import { READ_ROLES } from '@/lib/access';
import { toErrorResponse } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { findingFilterSchema } from '@/lib/schemas/finding';
import { listFindings } from '@/lib/services/list-findings';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    const access = await requireAccess(READ_ROLES);
    const filter = findingFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(await listFindings({ access, filter }));
  } catch (error) {
    return toErrorResponse(error);
  }
}
