// GET /api/v1/openapi.json – the OpenAPI 3.1 document of /api/v1, generated from the zod schemas (public: it holds
// no data, only the shapes).
import { buildOpenApiDocument } from '@/lib/schemas/api/openapi-document';

export const dynamic = 'force-static';

export function GET(): Response {
  return Response.json(buildOpenApiDocument());
}
