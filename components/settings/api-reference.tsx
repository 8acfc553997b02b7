import { getTranslations } from 'next-intl/server';

// Renders the OpenAPI document itself (no CDN viewer: the dashboard runs offline): per operation its method and path,
// roles, parameters, body and answer fields, read from the JSON Schemas the document carries.

type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  anyOf?: Schema[];
};
type Parameter = { name: string; in: string; required: boolean; description?: string; schema: Schema };
type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  'x-roles'?: string[];
  parameters: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
};
export type OpenApiDocumentView = {
  info: { title: string; version: string; description: string };
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, Operation>>;
};

function typeOf(s: Schema): string {
  if (s.enum) return s.enum.map(String).join(' | ');
  if (s.anyOf) return s.anyOf.map(typeOf).join(' | ');
  const base = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'any');
  if (base === 'array' && s.items) return `${typeOf(s.items)}[]`;
  return s.format ? `${base} (${s.format})` : base;
}

type Row = { name: string; type: string; required: boolean; description: string };

/** The fields of an object schema, one level into arrays and objects (`items[].id`, `evidence.excerpt`). */
function fieldsOf(schema: Schema | undefined, prefix = '', depth = 0): Row[] {
  if (!schema?.properties) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).flatMap(([name, s]) => {
    const path = `${prefix}${name}`;
    const row = { name: path, type: typeOf(s), required: required.has(name), description: s.description ?? '' };
    if (depth >= 2) return [row];
    const nested = s.items?.properties
      ? fieldsOf(s.items, `${path}[].`, depth + 1)
      : s.properties
        ? fieldsOf(s, `${path}.`, depth + 1)
        : [];
    return [row, ...nested];
  });
}

type Labels = { name: string; type: string; required: string; description: string };

function FieldTable({ rows, caption, labels: l }: { rows: Row[]; caption: string; labels: Labels }) {
  if (rows.length === 0) return null;
  return (
    <table className="stack api-fields">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{l.name}</th>
          <th scope="col">{l.type}</th>
          <th scope="col">{l.required}</th>
          <th scope="col">{l.description}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <td data-label={l.name}>
              <code>{r.name}</code>
            </td>
            <td data-label={l.type}>{r.type}</td>
            <td data-label={l.required}>{r.required ? '✓' : ''}</td>
            <td data-label={l.description}>{r.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export async function ApiReference({ doc }: { doc: OpenApiDocumentView }) {
  const t = await getTranslations('apiDocs');
  const base = doc.servers[0]?.url ?? '';
  const labels: Labels = {
    name: t('col.name'),
    type: t('col.type'),
    required: t('col.required'),
    description: t('col.description'),
  };
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <>
      {operations.map(({ path, method, op }) => {
        const params: Row[] = op.parameters.map((p) => ({
          name: p.name,
          type: `${typeOf(p.schema)} · ${p.in}`,
          required: p.required,
          description: [p.description, p.schema.default !== undefined ? `default ${String(p.schema.default)}` : '']
            .filter(Boolean)
            .join('; '),
        }));
        const body = op.requestBody ? Object.values(op.requestBody.content)[0]?.schema : undefined;
        const ok = op.responses['200']?.content;
        const json = ok?.['application/json']?.schema;
        return (
          <section key={op.operationId} className="panel api-operation" id={op.operationId} data-testid="api-operation">
            <h2>
              <span className="badge">{method.toUpperCase()}</span>{' '}
              <code>
                {base}
                {path}
              </code>
            </h2>
            <p>{op.summary}</p>
            {op.description && <p className="subtle">{op.description}</p>}
            <p className="subtle">{op['x-roles'] ? t('roles', { roles: op['x-roles'].join(', ') }) : t('public')}</p>
            <FieldTable rows={params} caption={t('parameters')} labels={labels} />
            <FieldTable rows={fieldsOf(body)} caption={t('body')} labels={labels} />
            {json ? (
              <FieldTable rows={fieldsOf(json)} caption={t('response')} labels={labels} />
            ) : (
              ok && <p className="subtle">{t('file', { types: Object.keys(ok).join(', ') })}</p>
            )}
          </section>
        );
      })}
    </>
  );
}
