// GET /api/v1/scores – scores of finished inspections in scope, through the figures reader, by cursor (docs/api.md).
import { READ_ROLES } from '@/lib/access';
import { apiV1Route, parseQuery } from '@/lib/api/v1-route';
import { scoresQuerySchema } from '@/lib/schemas/api/resources';
import { listApiScores } from '@/lib/services/list-api-pages';

export const dynamic = 'force-dynamic';

export const GET = apiV1Route(READ_ROLES, ({ access, request }) =>
  listApiScores({ access, query: parseQuery(scoresQuerySchema, request) }),
);
