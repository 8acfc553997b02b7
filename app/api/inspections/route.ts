// GET /api/inspections?page=N – one page of the inspections in the caller's read scope, with each run's progress
// (the inspections page polls it while a run is queued or scoring).
import { READ_ROLES } from '@/lib/access';
import { toErrorResponse } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { inspectionsQuerySchema } from '@/lib/schemas/inspection';
import { listInspections } from '@/lib/services/list-inspections';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    const access = await requireAccess(READ_ROLES);
    const { page } = inspectionsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { items, total } = await listInspections({ access, page });
    return Response.json({ items, total }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return toErrorResponse(error, request);
  }
}
