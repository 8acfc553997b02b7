// GET /api/agencies/options?parentId=… | ?q=… – the lazy agency picker's nodes inside the caller's read scope:
// the children of one agency (not found outside the scope), or up to 50 agencies whose name contains q, each with
// its ancestors in the scope.
import { READ_ROLES } from '@/lib/access';
import { toErrorResponse } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { agencyOptionQuerySchema } from '@/lib/schemas/agency-option';
import { listAgencyOptionChildren } from '@/lib/services/list-agency-option-children';
import { searchAgencyOptions } from '@/lib/services/search-agency-options';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    const access = await requireAccess(READ_ROLES);
    const query = agencyOptionQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(
      'parentId' in query
        ? await listAgencyOptionChildren({ access, parentId: query.parentId })
        : await searchAgencyOptions({ access, query: query.q }),
    );
  } catch (error) {
    return toErrorResponse(error, request);
  }
}
