// GET /api/v1/alerts – alerts of accounts in scope, by cursor (docs/api.md).
import { READ_ROLES } from '@/lib/access';
import { apiV1Route, parseQuery } from '@/lib/api/v1-route';
import { alertsQuerySchema } from '@/lib/schemas/api/resources';
import { listApiAlerts } from '@/lib/services/list-api-pages';

export const dynamic = 'force-dynamic';

export const GET = apiV1Route(READ_ROLES, ({ access, request }) =>
  listApiAlerts({ access, query: parseQuery(alertsQuerySchema, request) }),
);
