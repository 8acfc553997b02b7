import { z } from 'zod';
import { errorBodySchema } from './common';
import { API_BASE_PATH, API_OPERATIONS, type ApiOperation } from './routes';

// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers parse with (zod 4's
// z.toJSONSchema emits JSON Schema 2020-12, OpenAPI 3.1's own dialect). Served at /api/v1/openapi.json and rendered by
// the dashboard's reference page (/settings/api).

type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
};

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    reused: 'inline',
  }) as JsonSchema;
  return rest;
};

function parameters(where: 'path' | 'query', schema: z.ZodType | undefined) {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, { description, ...prop }]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(description ? { description } : {}),
    schema: prop,
  }));
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function operation(op: ApiOperation) {
  const ok =
    'files' in op.response
      ? {
          description: 'The file',
          content: Object.fromEntries(
            op.response.files.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]),
          ),
        }
      : { description: 'OK', content: { 'application/json': { schema: toSchema(op.response, 'output') } } };
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.roles ? { 'x-roles': [...op.roles] } : { security: [] }),
    parameters: [...parameters('path', op.pathParams), ...parameters('query', op.query)],
    ...(op.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(op.body, 'input') } } } }
      : {}),
    responses: {
      200: ok,
      ...(op.accepted
        ? {
            202: {
              description: op.accepted.description,
              headers: { Location: { description: 'The status URL of the job', schema: { type: 'string' } } },
              content: { 'application/json': { schema: toSchema(op.accepted.schema, 'output') } },
            },
          }
        : {}),
      ...(op.conflict ? { 409: errorResponse(op.conflict) } : {}),
      ...(op.roles
        ? {
            400: errorResponse('Invalid input: `fieldErrors` names each field'),
            401: errorResponse('No session and no valid token (unknown, expired or revoked)'),
            403: errorResponse('The role does not allow this'),
            404: errorResponse("Not found or outside the caller's scope"),
            429: errorResponse("Over the token's rate limit; see Retry-After"),
          }
        : {}),
    },
  };
}

export function buildOpenApiDocument(serverUrl = API_BASE_PATH) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Xunjian API',
      version: '1.0.0',
      description:
        "Read access to the scores, findings, rectifications and alerts of the agencies in the caller's scope (docs/api.md). Authenticate with `Authorization: Bearer xj_…` (a token made at /settings/tokens) or the dashboard session cookie.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    tags: [...new Set(API_OPERATIONS.map((op) => op.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'xj_ + 43 base64url characters',
          description: 'An API token; see docs/api.md',
        },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'better-auth.session_token',
          description: 'The dashboard session',
        },
      },
      schemas: { Error: toSchema(errorBodySchema, 'output') },
    },
  };
}
