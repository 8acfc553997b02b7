// GET /api/alerts – alerts of accounts in the caller's scope, newest first (filters: kind, acknowledged=1, page),
// for offices that forward them to their own duty systems.
import { READ_ROLES } from '@/lib/access';
import { toErrorResponse } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { alertFilterSchema } from '@/lib/schemas/alert';
import { ALERTS_PAGE_SIZE, listAlerts } from '@/lib/services/list-alerts';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    const access = await requireAccess(READ_ROLES);
    const filter = alertFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json({ ...(await listAlerts({ access, filter })), page: filter.page, pageSize: ALERTS_PAGE_SIZE });
  } catch (error) {
    return toErrorResponse(error, request);
  }
}
