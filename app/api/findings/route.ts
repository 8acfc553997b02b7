// GET /api/findings – findings in the caller's scope (filters: status, indicator, inspectionId, agencyId, accountId).
// Pages: `after` or `before`, a cursor from the previous response, with `page` as its shown number; a tampered
// cursor is a 400.
import { READ_ROLES } from '@/lib/access';
import { toErrorResponse } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { findingFilterSchema } from '@/lib/schemas/finding';
import { listSharedFindings } from '@/lib/services/list-findings';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    const access = await requireAccess(READ_ROLES);
    const filter = findingFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(await listSharedFindings({ access, filter }));
  } catch (error) {
    return toErrorResponse(error, request);
  }
}
