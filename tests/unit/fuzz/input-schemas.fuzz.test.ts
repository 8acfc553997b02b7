import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { localizeZodError } from '@/lib/i18n/localize-zod';
import { rawHashSchema } from '@/lib/services/get-raw-response';

// Issue 13 "Also": no input to a boundary schema (server-action inputs, API query and body parsers, forms) gives an
// exception other than a validation error, and every refusal can be said in both languages. Every zod schema
// exported from lib/schemas is found by itself, so a schema added later is fuzzed too.
const modules = import.meta.glob<Record<string, unknown>>('../../../lib/schemas/**/*.ts', { eager: true });

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> } };
const isSchema = (v: unknown): v is AnySchema => typeof v === 'object' && v !== null && 'safeParse' in v && '_zod' in v;

const schemas: Array<[string, AnySchema]> = [['get-raw-response.rawHashSchema', rawHashSchema as unknown as AnySchema]];
for (const [file, exports] of Object.entries(modules)) {
  for (const [name, value] of Object.entries(exports))
    if (isSchema(value)) schemas.push([`${file.replace(/^.*lib\/schemas\//, '')}.${name}`, value]);
}

/** Field names anywhere in the schema (objects inside pipes, unions, arrays, optionals), to aim inputs at them. */
function fieldNames(schema: unknown, depth = 0, out = new Set<string>()): Set<string> {
  if (depth > 6 || !isSchema(schema)) return out;
  const def = schema._zod.def;
  const shape = def.shape as Record<string, unknown> | undefined;
  if (shape)
    for (const [k, v] of Object.entries(shape)) {
      out.add(k);
      fieldNames(v, depth + 1, out);
    }
  for (const key of ['in', 'out', 'innerType', 'element', 'left', 'right', 'valueType'])
    fieldNames(def[key], depth + 1, out);
  for (const option of (def.options as unknown[] | undefined) ?? []) fieldNames(option, depth + 1, out);
  return out;
}

/** Text an attacker or a careless paste sends: NUL, lone surrogates, odd periods and URLs, huge and blank strings. */
const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '9999Q4',
  '0000',
  '2026Q5',
  '2026Q0',
  'javascript:alert(1)',
  'file:///etc/passwd',
  '%ED%A0%80',
  `${' '.repeat(9)}a`,
  'a'.repeat(100_000),
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '__proto__',
  'constructor',
  '00000000-0000-0000-0000-000000000000',
  '2026-02-30',
  '2026-12-31T16:00:00Z',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'true',
  'null',
  '[]',
  '{}',
);
const leaf = fc.oneof(
  nasty,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
);
const value = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('v'), { maxKeys: 4 }),
  ),
})).v;
const inputFor = (schema: AnySchema) => {
  const keys = [...fieldNames(schema)];
  const aimed = keys.length ? fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length }) : value;
  return fc.oneof(aimed, value, fc.anything());
};

describe('every boundary schema answers any input with data or a validation error', () => {
  it('finds the schemas', () => {
    expect(schemas.length).toBeGreaterThan(80);
  });

  it.each(schemas)('%s', (_name, schema) => {
    fc.assert(
      fc.property(inputFor(schema), (input) => {
        let result: ReturnType<typeof schema.safeParse>;
        try {
          result = schema.safeParse(input);
        } catch (error) {
          throw new Error(`threw ${String(error)} (only a ZodError result is allowed)`, { cause: error });
        }
        if (!result.success) {
          expect(result.error).toBeInstanceOf(z.ZodError);
          for (const locale of ['zh-CN', 'en'] as const)
            expect(localizeZodError(result.error, locale).message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 40 },
    );
  });
});
