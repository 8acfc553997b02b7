import * as fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { accountColumnOf } from '@/lib/import/account-headers';
import { AppError } from '@/lib/errors';
import { readImportTable } from '@/lib/services/read-import-table';

// Issue 13 "Also": whatever file is uploaded, the import reader returns a table or refuses with a validation
// error (AppError VALIDATION, shown next to the file field) — never another exception, which would be a 500.
async function readOrRefuse(name: string, bytes: Uint8Array, columnOf?: (h: string) => string) {
  try {
    const table = await readImportTable({ name, bytes }, columnOf);
    // What reaches the import never holds NUL (PostgreSQL text refuses it) in the header.
    for (const h of table.header) expect(h.includes('\u0000')).toBe(false);
    return table;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'VALIDATION')
      throw new Error(`not a validation error: ${String(error)}`, { cause: error });
    return null;
  }
}

const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    '"',
    '""',
    '"a,b"',
    '\r\n',
    '\n',
    ',',
    '\u0000',
    '\ud800',
    '\uFFFD',
    '平台',
    '账号名称',
    'javascript:alert(1)',
    '=cmd|/c calc!A1',
    ' ',
  ),
);
const csvText = fc
  .tuple(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([rows, eol]) => rows.map((r) => r.join(',')).join(eol));
const encoders: Array<(s: string) => Uint8Array> = [
  (s) => new TextEncoder().encode(s),
  (s) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)]),
  (s) => {
    const b = Buffer.from(s, 'utf16le');
    return new Uint8Array([0xff, 0xfe, ...b]);
  },
];

describe('import reader fuzzing', () => {
  it('arbitrary bytes named .csv, .xlsx or anything else', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom('a.csv', 'a.xlsx', 'a.CSV', 'a.xls', 'a', 'a.csv.exe'),
        async (bytes, name) => {
          await readOrRefuse(name, bytes);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('CSV text of any shape, in every accepted encoding, with the account headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        csvText,
        fc.integer({ min: 0, max: encoders.length - 1 }),
        fc.boolean(),
        async (text, enc, accountHeaders) => {
          const table = await readOrRefuse(
            'accounts.csv',
            (encoders[enc] as (s: string) => Uint8Array)(text),
            accountHeaders ? accountColumnOf : undefined,
          );
          if (table) for (const r of table.rows) expect(r.rowNumber).toBeGreaterThan(1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('zip archives that are not quite workbooks (missing parts, junk XML, odd names)', async () => {
    const part = fc.record({
      name: fc.constantFrom(
        '[Content_Types].xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
        'xl/sharedStrings.xml',
        'xl/_rels/workbook.xml.rels',
        '_rels/.rels',
        '../evil.xml',
        'xl/worksheets/sheet2.xml',
      ),
      body: fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.constantFrom(
          '<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>平台</t></is></c></row></sheetData></worksheet>',
          '<workbook/>',
          '<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]><x>&a;&a;</x>',
          '',
        ),
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 6 }), async (parts) => {
        const zip = new JSZip();
        for (const p of parts) zip.file(p.name, p.body);
        await readOrRefuse('a.xlsx', await zip.generateAsync({ type: 'uint8array' }));
      }),
      { numRuns: 60 },
    );
  });
});
