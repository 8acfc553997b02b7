// GET /api/v1/inspections – inspections scoped inside the caller's scope, by cursor (docs/api.md).
import { READ_ROLES } from '@/lib/access';
import { apiV1Route, parseQuery } from '@/lib/api/v1-route';
import { inspectionsQuerySchema } from '@/lib/schemas/api/resources';
import { listApiInspections } from '@/lib/services/list-api-pages';

export const dynamic = 'force-dynamic';

export const GET = apiV1Route(READ_ROLES, ({ access, request }) =>
  listApiInspections({ access, query: parseQuery(inspectionsQuerySchema, request) }),
);
