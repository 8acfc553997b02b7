// GET /api/health – liveness plus database reachability, for load balancers and the CI smoke check.
import { checkHealth } from '@/lib/services/check-health';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === 'ok' ? 200 : 503 });
}
