// GET /api/v1/rectifications – rectifications in scope, by cursor (docs/api.md).
import { READ_ROLES } from '@/lib/access';
import { apiV1Route, parseQuery } from '@/lib/api/v1-route';
import { rectificationsQuerySchema } from '@/lib/schemas/api/resources';
import { listApiRectifications } from '@/lib/services/list-api-pages';

export const dynamic = 'force-dynamic';

export const GET = apiV1Route(READ_ROLES, ({ access, request, now }) =>
  listApiRectifications({ access, now, query: parseQuery(rectificationsQuerySchema, request) }),
);
