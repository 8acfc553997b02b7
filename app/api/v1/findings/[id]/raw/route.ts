// GET /api/v1/findings/{id}/raw – the archived platform answers behind a finding's evidence, each downloadable from
// /api/v1/raw/{hash}; scoped like the finding's account (docs/api.md).
import { READ_ROLES } from '@/lib/access';
import { apiV1Route } from '@/lib/api/v1-route';
import { listFindingRaw } from '@/lib/services/list-finding-raw';

export const dynamic = 'force-dynamic';

export const GET = apiV1Route<{ id: string }>(READ_ROLES, async ({ access, params }) => {
  const items = await listFindingRaw({ access, findingId: params.id });
  return {
    items: items.map((i) => ({ ...i, fetchedAt: i.fetchedAt.toISOString(), href: `/api/v1/raw/${i.rawHash}` })),
  };
});
