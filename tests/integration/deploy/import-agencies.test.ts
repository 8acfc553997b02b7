import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRejectedError } from '@/lib/services/import-accounts';
import { importAgencies, previewAgencyImport } from '@/lib/services/import-agencies';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const csv = (lines: string[], header = 'code,name,parent_code,level') => ({
  name: 'agencies.csv',
  bytes: new TextEncoder().encode(`\uFEFF${[header, ...lines].join('\r\n')}\r\n`),
});

async function rejection(run: () => Promise<unknown>): Promise<ImportRejectedError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ImportRejectedError)) throw new Error(`expected ImportRejectedError, got ${String(error)}`);
  return error;
}

describe('agency import', () => {
  it('refuses a bad file row by row and writes nothing', async () => {
    const error = await rejection(() =>
      importAgencies({
        db: t.db,
        file: csv([
          'P1,云川省人民政府,,省',
          'C1,云川市人民政府,P9,CITY',
          'C2,青岭市人民政府,C3,CITY',
          'C3,白水市人民政府,C2,CITY',
          'P2,第二个根,,PROVINCE',
          'D1,云川省公安厅,P1,bureau',
          'C1,重复编码,P1,CITY',
        ]),
      }),
    );
    expect(error.errors).toEqual([
      { row: 3, column: 'parent_code', message: 'Unknown parent code "P9": not in this file nor stored' },
      {
        row: 4,
        column: 'parent_code',
        message: 'The chain of parent codes loops, so this agency has no way to the root',
      },
      {
        row: 5,
        column: 'parent_code',
        message: 'The chain of parent codes loops, so this agency has no way to the root',
      },
      {
        row: 6,
        column: 'parent_code',
        message: 'Only one root agency (without parent_code) per installation; row 2 is the root',
      },
      {
        row: 7,
        column: 'level',
        message: 'Expected one of PROVINCE, CITY, COUNTY, TOWNSHIP, DEPARTMENT (or 省/市/县/乡镇/部门)',
      },
      { row: 8, column: 'code', message: 'Duplicate of row 3' },
    ]);
    expect(await t.db.agency.count()).toBe(0);
    expect(await t.db.auditLog.count({ where: { action: 'agency.import' } })).toBe(0);
  });

  it('creates a tree whose parents come later in the file, with the ancestry scoping relies on; dry run writes nothing', async () => {
    const file = csv(
      [
        '390102-GA,临川区公安分局,390102,部门,,,',
        '390102,临川区人民政府,390100,县,临川,390102,是',
        '390100,云川市人民政府,390000,市,,390100,yes',
        '390000,云川省人民政府,,省,云川,390000,yes',
      ],
      'code,name,parent_code,level,short_name,region_code,is_supervising_unit',
    );
    const dry = await importAgencies({ db: t.db, file, isDryRun: true });
    expect([dry.created, dry.preview.rows.length, await t.db.agency.count()]).toEqual([0, 4, 0]);

    const result = await importAgencies({ db: t.db, file });
    expect([result.created, result.unchanged]).toEqual([4, 0]);
    const byCode = new Map((await t.db.agency.findMany()).map((a) => [a.code, a]));
    const root = byCode.get('390000');
    const city = byCode.get('390100');
    const county = byCode.get('390102');
    const dept = byCode.get('390102-GA');
    expect(root?.parentId).toBeNull();
    expect(dept?.ancestorIds).toEqual([root?.id, city?.id, county?.id]);
    expect([
      county?.level,
      county?.shortName,
      county?.regionCode,
      county?.isSupervisingUnit,
      dept?.isSupervisingUnit,
    ]).toEqual(['COUNTY', '临川', '390102', true, false]);
    expect(await t.db.auditLog.count({ where: { action: 'agency.import' } })).toBe(1);
  });

  it('re-importing the same rows changes nothing; a stored code with another name or parent is refused (no silent rename or move)', async () => {
    const again = await importAgencies({
      db: t.db,
      file: csv([
        '390000,云川省人民政府,,PROVINCE',
        '390100,云川市人民政府,390000,CITY',
        '390200,青岭市人民政府,390000,CITY',
      ]),
    });
    expect([again.created, again.unchanged]).toEqual([1, 2]);

    const preview = await previewAgencyImport({
      db: t.db,
      file: csv([
        '390100,云川市政府,390000,CITY',
        '390102,临川区人民政府,390200,COUNTY',
        '390300,白水市人民政府,,CITY',
      ]),
    });
    expect(preview.errors).toEqual([
      {
        row: 2,
        column: 'code',
        message: expect.stringContaining('Agency 390100 already exists as "云川市人民政府" (CITY, parent 390000)'),
      },
      {
        row: 3,
        column: 'code',
        message: expect.stringContaining('Agency 390102 already exists as "临川区人民政府" (COUNTY, parent 390100)'),
      },
      {
        row: 4,
        column: 'parent_code',
        message: 'A root agency exists already (390000): give this agency a parent_code',
      },
    ]);
  });
});
