import { z } from 'zod';
import { localizeZodError } from '@/lib/i18n/localize-zod';
import { describe, expect, it } from 'vitest';
import { decodeImportText } from '@/lib/import/decode-text';
import { accountImportRowSchema } from '@/lib/schemas/account-import';
import { agencyImportRowSchema } from '@/lib/schemas/agency-import';
import { readImportTable } from '@/lib/services/read-import-table';

// "code,name,parent_code,level\nJC,江川省,,省\nJC01,临溪县,JC,县\n" as Excel on a Chinese Windows saves it (GBK),
// bytes written out by hand: Node can decode GBK but not encode it.
const GBK_CSV = Buffer.from(
  '636f64652c6e616d652c706172656e745f636f64652c6c6576656c0a4a432cbdadb4a8caa12c2ccaa10a4a4330312cc1d9cfaacfd82c4a432ccfd80a',
  'hex',
);
const EXPECTED_ROWS = [
  { rowNumber: 2, cells: { code: 'JC', name: '江川省', parent_code: '', level: '省' } },
  { rowNumber: 3, cells: { code: 'JC01', name: '临溪县', parent_code: 'JC', level: '县' } },
];
const TEXT = 'code,name,parent_code,level\nJC,江川省,,省\nJC01,临溪县,JC,县\n';
const csv = (bytes: Uint8Array) => readImportTable({ name: 'agencies.csv', bytes });

describe('import encodings', () => {
  it('reads a GBK (GB18030) CSV as Chinese text, not replacement characters', async () => {
    expect(decodeImportText(GBK_CSV).encoding).toBe('gb18030');
    const table = await csv(GBK_CSV);
    expect(table.rows).toEqual(EXPECTED_ROWS);
    expect(JSON.stringify(table)).not.toContain('\uFFFD');
  });

  it.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'utf-8'],
    ['UTF-16 LE with BOM', Buffer.from(`\uFEFF${TEXT}`, 'utf16le'), 'utf-16le'],
    ['UTF-16 BE with BOM', Buffer.from(`\uFEFF${TEXT}`, 'utf16le').swap16(), 'utf-16be'],
  ])('reads %s', async (_name, bytes, encoding) => {
    expect(decodeImportText(bytes).encoding).toBe(encoding);
    expect((await csv(bytes)).rows).toEqual(EXPECTED_ROWS);
  });

  it('refuses bytes valid in no supported encoding instead of guessing', () => {
    expect(() => decodeImportText(Buffer.from([0x61, 0x81, 0x20, 0x62]))).toThrow(
      expect.objectContaining({ key: 'importEncodingUnknown', field: 'file' }),
    );
  });

  it('makes a row holding U+FFFD (an already damaged file) a row-level error on its column', () => {
    const agency = agencyImportRowSchema.safeParse({ code: 'JC', name: '江川\uFFFD\uFFFD', level: '省' });
    expect(agency.success).toBe(false);
    expect(agency.error?.issues).toMatchObject([{ path: ['name'], message: 'validation.replacementChar' }]);
    // Shown localized: the message says what to do in the reader's language.
    const issue = agency.error!.issues[0]!;
    expect(localizeZodError(new z.ZodError([issue]), 'zh-CN').message).toContain('另存为 UTF-8');
    expect(localizeZodError(new z.ZodError([issue]), 'en').message).toContain('U+FFFD');
    const account = accountImportRowSchema.safeParse({
      agency_code: 'JC',
      platform: 'WEIBO',
      handle: '7400000001',
      display_name: '\uFFFD',
    });
    expect(account.error?.issues.map((i) => i.path[0])).toContain('display_name');
  });

  it('drops NUL from import cells and refuses lone surrogates', () => {
    expect(agencyImportRowSchema.parse({ code: 'J\u0000C', name: '江川省', level: '省' })).toMatchObject({
      code: 'JC',
    });
    expect(
      agencyImportRowSchema.safeParse({ code: 'JC', name: '江川\uD800省', level: '省' }).error?.issues,
    ).toMatchObject([{ path: ['name'] }]);
  });
});
