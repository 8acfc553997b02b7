// GET /api/v1/findings – findings in scope with their evidence, in the review queue's order, by cursor (docs/api.md).
import { READ_ROLES } from '@/lib/access';
import { apiV1Route, parseQuery } from '@/lib/api/v1-route';
import { findingsQuerySchema } from '@/lib/schemas/api/resources';
import { listApiFindings } from '@/lib/services/list-api-pages';

export const dynamic = 'force-dynamic';

export const GET = apiV1Route(READ_ROLES, ({ access, request }) =>
  listApiFindings({ access, query: parseQuery(findingsQuerySchema, request) }),
);
