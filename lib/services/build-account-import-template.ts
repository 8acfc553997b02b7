import ExcelJS from 'exceljs';
import { ADMIN_ROLES, scopeRoots, type Access } from '@/lib/access';
import { listAgencyTree } from '@/lib/data/agency-tree';
import { listEnabledPlatformCodes } from '@/lib/data/platforms';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { ACCOUNT_HEADER_NAMES, EXAMPLE_ROW_MARK, PLATFORM_TEMPLATE_NAMES } from '@/lib/import/account-headers';
import { ACCOUNT_IMPORT_COLUMNS, REQUIRED_IMPORT_COLUMNS } from '@/lib/schemas/account-import';

const LEVELS: Record<string, string> = {
  PROVINCE: '省级',
  CITY: '市级',
  COUNTY: '县级',
  TOWNSHIP: '乡镇',
  DEPARTMENT: '部门',
};
const FILING = ['已备案', '备案中', '未备案'];

/**
 * The account registration template an office fills in Excel: Chinese headers (required ones marked *), one example
 * row the import skips, and sheets listing the platforms and the agency codes of the administrator's scope.
 */
export async function buildAccountImportTemplate({ access, db = getDb() }: { access: Access; db?: Db }) {
  const [agencies, platforms] = await Promise.all([
    listAgencyTree(db, scopeRoots(access, ADMIN_ROLES)),
    listEnabledPlatformCodes(db),
  ]);
  const book = new ExcelJS.Workbook();
  book.creator = '巡检';
  const sheet = book.addWorksheet('账号登记', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ACCOUNT_IMPORT_COLUMNS.map((c) => ({
    header: `${ACCOUNT_HEADER_NAMES[c]}${REQUIRED_IMPORT_COLUMNS.includes(c) ? '*' : ''}`,
    key: c,
    width: Math.max(12, ACCOUNT_HEADER_NAMES[c].length * 2 + 4),
  }));
  sheet.getRow(1).font = { bold: true };
  const example = agencies.find((a) => a.code);
  sheet.addRow({
    agency_code: `${EXAMPLE_ROW_MARK}${example?.code ?? '330100'}`,
    platform: '微博',
    handle: '1234567890',
    display_name: `${example?.name ?? '示例单位'}发布`,
    url: 'https://weibo.com/1234567890',
    filing_number: '',
    filing_status: '已备案',
    opened_at: '2024-03-01',
  });
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF5B6470' } };
  sheet.getCell('A2').note = `以“${EXAMPLE_ROW_MARK}”开头的行是填写示例，导入时跳过；填写时可删除。`;

  const platformSheet = book.addWorksheet('平台');
  platformSheet.columns = [
    { header: '平台名称', key: 'name', width: 16 },
    { header: '平台代码', key: 'code', width: 18 },
  ];
  for (const [code, name] of Object.entries(PLATFORM_TEMPLATE_NAMES))
    if (platforms.has(code)) platformSheet.addRow({ name, code });
  platformSheet.addRow({});
  platformSheet.addRow({ name: '备案状态可填', code: FILING.join(' / ') });

  const agencySheet = book.addWorksheet('单位代码');
  agencySheet.columns = [
    { header: '主办单位代码', key: 'code', width: 16 },
    { header: '单位名称', key: 'name', width: 36 },
    { header: '层级', key: 'level', width: 8 },
  ];
  for (const a of agencies)
    if (a.code)
      agencySheet.addRow({ code: a.code, name: `${'　'.repeat(a.depth)}${a.name}`, level: LEVELS[a.level] ?? a.level });
  for (const s of [platformSheet, agencySheet]) s.getRow(1).font = { bold: true };

  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return { bytes, filename: '账号登记模板.xlsx', asciiFilename: 'account-import-template.xlsx' };
}
