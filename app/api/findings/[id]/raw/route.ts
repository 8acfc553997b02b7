// GET /api/findings/<id>/raw – the archived platform answers behind a finding's evidence (hash, interface, URL,
// status, when), each downloadable from /api/raw/<hash>; scoped like the finding's account.
import { READ_ROLES } from '@/lib/access';
import { toErrorResponse } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { listFindingRaw } from '@/lib/services/list-finding-raw';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const access = await requireAccess(READ_ROLES);
    const items = await listFindingRaw({ access, findingId: (await params).id });
    return Response.json({
      items: items.map((i) => ({ ...i, fetchedAt: i.fetchedAt.toISOString(), href: `/api/raw/${i.rawHash}` })),
    });
  } catch (error) {
    return toErrorResponse(error, request);
  }
}
