// GET /api/health – liveness plus database reachability, for load balancers and the CI smoke check.
import { checkHealth, toPublicHealth } from '@/lib/services/check-health';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const health = await checkHealth();
  // Anonymous: the PostgreSQL version string and driver errors would tell an attacker what to aim at.
  return Response.json(toPublicHealth(health), { status: health.status === 'ok' ? 200 : 503 });
}
