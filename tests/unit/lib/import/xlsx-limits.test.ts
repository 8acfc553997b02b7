import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkXlsxZip } from '@/lib/import/check-xlsx-zip';
import { readImportTable } from '@/lib/services/read-import-table';
import { buildZip, type ZipEntry } from '@/tests/helpers/zip-writer';

/** The parts of a real workbook written by ExcelJS, with sheet1 replaced. */
async function workbookWith(
  sheetXml: Buffer,
  options: { declaredSize?: number; extra?: ZipEntry[] } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('agencies').addRow(['code', 'name', 'parent_code', 'level']);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const entries: ZipEntry[] = [];
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const data = name === 'xl/worksheets/sheet1.xml' ? sheetXml : Buffer.from(await file.async('uint8array'));
    entries.push({ name, data, declaredSize: name === 'xl/worksheets/sheet1.xml' ? options.declaredSize : undefined });
  }
  return buildZip([...entries, ...(options.extra ?? [])]);
}

const sheet = (rows: string) =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`,
  );

/** ~60 MB of sheet XML (inline strings of one repeated letter) that deflates to well under 1 MB. */
function bombSheet(): Buffer {
  const cell = 'A'.repeat(1024 * 1024);
  const rows = Array.from(
    { length: 60 },
    (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${cell}</t></is></c></row>`,
  ).join('');
  return sheet(rows);
}

const file = (bytes: Uint8Array) => ({ name: 'bomb.xlsx', bytes });

describe('xlsx import limits (checked before parsing)', () => {
  it('refuses a zip bomb quickly, with a localized error', async () => {
    const bytes = await workbookWith(bombSheet());
    expect(bytes.byteLength).toBeLessThan(1024 * 1024);
    const started = performance.now();
    await expect(readImportTable(file(bytes))).rejects.toMatchObject({
      code: 'VALIDATION',
      key: 'importXlsxTooLarge',
      params: { maxMb: 25 },
      field: 'file',
    });
    expect(performance.now() - started).toBeLessThan(3000);
  }, 30_000);

  it('does not trust the sizes the archive declares', async () => {
    const bytes = await workbookWith(bombSheet(), { declaredSize: 2000 });
    await expect(readImportTable(file(bytes))).rejects.toMatchObject({ key: 'importXlsxTooLarge' });
  }, 30_000);

  it('refuses an archive with too many parts', async () => {
    const extra = Array.from({ length: 200 }, (_, i) => ({ name: `xl/media/pad${i}.bin`, data: Buffer.from('x') }));
    await expect(readImportTable(file(await workbookWith(sheet(''), { extra })))).rejects.toMatchObject({
      key: 'importXlsxTooManyParts',
      params: { max: 200 },
    });
  });

  it('counts rows before parsing', async () => {
    const rows = Array.from(
      { length: 20_002 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    ).join('');
    expect(() => checkXlsxZip(buildZip([{ name: 'xl/worksheets/sheet1.xml', data: sheet(rows) }]))).toThrow(
      expect.objectContaining({ key: 'importTooManyRows' }),
    );
    const fits = Array.from(
      { length: 20_001 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    ).join('');
    expect(() => checkXlsxZip(buildZip([{ name: 'xl/worksheets/sheet1.xml', data: sheet(fits) }]))).not.toThrow();
  });

  it('refuses bytes that are no zip archive, and still reads an ordinary workbook', async () => {
    expect(() => checkXlsxZip(new TextEncoder().encode('code,name\n'))).toThrow(
      expect.objectContaining({ key: 'importXlsxUnreadable' }),
    );
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('agencies');
    ws.addRow(['code', 'name']);
    ws.addRow(['JC', '江川省']);
    const table = await readImportTable({ name: 'ok.xlsx', bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) });
    expect(table.rows).toEqual([{ rowNumber: 2, cells: { code: 'JC', name: '江川省' } }]);
  });
});
