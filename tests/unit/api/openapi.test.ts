// The OpenAPI document of /api/v1 validates as OpenAPI 3.1 (a maintained validator from npm) and lists every route
// file under app/api/v1 with each HTTP method it exports — a new route without a description fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/lib/schemas/api/openapi-document';
import { API_OPERATIONS } from '@/lib/schemas/api/routes';

const ROOT = join(process.cwd(), 'app', 'api', 'v1');

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(join(dir, e.name)) : e.name === 'route.ts' ? [join(dir, e.name)] : [],
  );
}

/** `/accounts/{id}/scores` for app/api/v1/accounts/[id]/scores/route.ts, with the methods the file exports. */
const routes = routeFiles(ROOT).map((file) => {
  const path = `/${relative(ROOT, file).split(sep).slice(0, -1).join('/')}`.replace(/\[([^\]]+)\]/g, '{$1}');
  const methods = [
    ...readFileSync(file, 'utf8').matchAll(/^export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/gm),
  ].map((m) => (m[1] ?? '').toLowerCase());
  return { path, methods };
});

describe('the OpenAPI document', () => {
  const doc = buildOpenApiDocument();

  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('lists every route file and method under app/api/v1, and nothing else', () => {
    expect(routes.length).toBeGreaterThanOrEqual(12);
    const inFiles = routes.flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)).sort();
    const inDocument = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
      .sort();
    expect(inDocument).toEqual(inFiles);
    expect(API_OPERATIONS.map((op) => `${op.method} ${op.path}`).sort()).toEqual(inFiles);
  });

  it('describes query parameters, bodies and errors from the zod schemas', () => {
    const findings = doc.paths['/findings']?.get as {
      parameters: Array<{ name: string; in: string; schema: { enum?: string[] } }>;
      responses: Record<string, unknown>;
    };
    expect(findings.parameters.map((p) => p.name)).toEqual([
      'cursor',
      'status',
      'indicator',
      'inspectionId',
      'agencyId',
      'accountId',
    ]);
    expect(findings.parameters.find((p) => p.name === 'status')?.schema.enum).toContain('CONFIRMED');
    expect(Object.keys(findings.responses)).toEqual(['200', '400', '401', '403', '404', '429']);
    const exports = doc.paths['/exports']?.post as {
      requestBody: { content: { 'application/json': { schema: { required: string[] } } } };
    };
    expect(exports.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['kind', 'period', 'agencyId', 'format']),
    );
    // A large scope is queued as an export job: 202 with the job and its URLs, polled at /export-jobs/{id}.
    const responses = (doc.paths['/exports']?.post as { responses: Record<string, { content?: object }> }).responses;
    expect(Object.keys(responses)).toEqual(expect.arrayContaining(['200', '202', '409']));
    expect(JSON.stringify(responses['202'])).toContain('statusUrl');
    expect(JSON.stringify(responses['202'])).toContain('fileUrl');
    expect(doc.paths['/export-jobs/{id}']?.get).toBeDefined();
    expect(doc.paths['/export-jobs/{id}/file']?.get).toBeDefined();
    const scores = doc.paths['/accounts/{id}/scores']?.get as {
      parameters: Array<{ name: string; in: string; required: boolean }>;
    };
    expect(scores.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
  });
});
