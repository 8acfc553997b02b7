// GET /api/v1/agencies – agencies in the caller's scope, by cursor (docs/api.md).
import { READ_ROLES } from '@/lib/access';
import { apiV1Route, parseQuery } from '@/lib/api/v1-route';
import { agenciesQuerySchema } from '@/lib/schemas/api/resources';
import { listApiAgencies } from '@/lib/services/list-api-pages';

export const dynamic = 'force-dynamic';

export const GET = apiV1Route(READ_ROLES, ({ access, request }) =>
  listApiAgencies({ access, query: parseQuery(agenciesQuerySchema, request) }),
);
