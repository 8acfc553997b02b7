import { describe, expect, it } from 'vitest';
import { accountCellsByCode, accountColumnOf, ACCOUNT_HEADER_NAMES } from '@/lib/import/account-headers';
import { ACCOUNT_IMPORT_COLUMNS } from '@/lib/schemas/account-import';
import { parseCsv, readImportTable } from '@/lib/services/read-import-table';

// A registration sheet as an office saves it from Excel on a Chinese Windows ("CSV (逗号分隔)", GBK): Chinese headers
// (the template's, required ones starred), the template's example row, a platform by name, a quoted line break.
// Bytes written out by Python's gbk codec: Node decodes GBK but cannot encode it.
const GBK_SHEET = Buffer.from(
  'd6f7b0ecb5a5cebbb4fac2eb2a2cc6bdcca82cd5cbbac5b1eacab62cd5cbbac5c3fbb3c62cb1b8b0b8d7b4ccac0d0acabec0fd3333303130302ccea2b2a92c313233343536373839302ccabec0fdb7a2b2bc2cd2d1b1b8b0b80d0a3333303130322ccea2b2a92c373430303030303939392cc1d9cfaab7a2b2bca3a8d0c2a3a92cd2d1b1b8b0b80d0a3333303130322c22cea2d0c5b9abd6dabac5222c67685f6c696e78695f6e65772c22c1d9cfaacfd80ab1e3c3f1b7fecef1222cceb4b1b8b0b80d0a',
  'hex',
);

describe('account import headers', () => {
  it('maps the template headers, the English codes and common variants to the columns', () => {
    for (const c of ACCOUNT_IMPORT_COLUMNS) {
      expect(accountColumnOf(ACCOUNT_HEADER_NAMES[c])).toBe(c);
      expect(accountColumnOf(`${ACCOUNT_HEADER_NAMES[c]}*`)).toBe(c);
      expect(accountColumnOf(` ${c.toUpperCase()} `)).toBe(c);
    }
    expect(accountColumnOf('主办单位代码（必填）')).toBe('agency_code');
    expect(accountColumnOf('账号ID')).toBe('handle');
    expect(accountColumnOf('备案号')).toBe('filing_number');
    // Unknown headers stay as written (lower-cased) so the import can name them.
    expect(accountColumnOf('Remarks')).toBe('remarks');
  });

  it('turns platform and filing status names into codes and leaves codes and other cells alone', () => {
    expect(accountCellsByCode({ platform: '微信公众号', filing_status: '已备案', handle: '微博' })).toEqual({
      platform: 'WECHAT',
      filing_status: 'FILED',
      handle: '微博',
    });
    expect(accountCellsByCode({ platform: 'iOS 客户端', filing_status: '备案中' })).toMatchObject({
      platform: 'APP_IOS',
      filing_status: 'PENDING',
    });
    expect(accountCellsByCode({ platform: 'weibo', filing_status: undefined })).toMatchObject({
      platform: 'weibo',
      filing_status: undefined,
    });
  });

  it('reads a GBK sheet with Chinese headers: names, not replacement characters; rows numbered as Excel shows them', async () => {
    const table = await readImportTable({ name: '账号登记.csv', bytes: GBK_SHEET }, accountColumnOf);
    expect(table.header).toEqual(['agency_code', 'platform', 'handle', 'display_name', 'filing_status']);
    expect(table.suspectRows).toEqual([]);
    expect(table.rows.map((r) => [r.rowNumber, r.cells.platform, r.cells.display_name])).toEqual([
      [2, '微博', '示例发布'],
      [3, '微博', '临溪发布（新）'],
      [4, '微信公众号', '临溪县\n便民服务'],
    ]);
  });

  it('numbers each CSV record by the line it starts on, across quoted line breaks and any line ending', () => {
    const records = parseCsv('a,b\r\n1,"x\ny"\r\n\r\n3,4\n5,"q""z"\r6,7');
    expect(records.map((r) => [r.rowNumber, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'x\ny']],
      [4, ['']],
      [5, ['3', '4']],
      [6, ['5', 'q"z']],
      [7, ['6', '7']],
    ]);
  });

  it('refuses an unclosed quote with a localized error, and flags rows holding U+FFFD', async () => {
    expect(() => parseCsv('a,b\n1,"open')).toThrow(expect.objectContaining({ key: 'importUnclosedQuote' }));
    const table = await readImportTable(
      { name: 'a.csv', bytes: Buffer.from('平台,账号名称\n微博,临溪\uFFFD\uFFFD\n微博,白沙\n') },
      accountColumnOf,
    );
    expect(table.suspectRows).toEqual([2]);
  });
});
