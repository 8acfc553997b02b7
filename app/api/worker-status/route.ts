// GET /api/worker-status – is a worker process alive (heartbeat within WORKER_ALIVE_SECONDS), for the dashboard banner.
import { READ_ROLES } from '@/lib/access';
import { toErrorResponse } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { getWorkerStatus } from '@/lib/services/worker-heartbeat';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    await requireAccess(READ_ROLES);
    return Response.json(await getWorkerStatus({ now: new Date() }), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return toErrorResponse(error, request);
  }
}
