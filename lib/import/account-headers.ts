import { PLATFORM_LIST } from '@/lib/platforms';
import type { AccountImportColumn } from '@/lib/schemas/account-import';

// Offices fill registration sheets in Chinese: the template's headers are Chinese, and a file may use either those
// or the English column codes (lib/schemas/account-import.ts). Platform and filing status may be given by name.

/** The template's header for each column (the first name of each alias list below). */
export const ACCOUNT_HEADER_NAMES: Record<AccountImportColumn, string> = {
  agency_code: '主办单位代码',
  platform: '平台',
  handle: '账号标识',
  display_name: '账号名称',
  url: '账号网址',
  filing_number: '备案编号',
  filing_status: '备案状态',
  opened_at: '开通日期',
  crawl_route: '抓取方式',
  we_mp_rss_id: '公众号订阅标识',
  wechat_fakeid: '公众号fakeid',
  feed_url: '订阅地址',
  rsshub_path: '订阅路由',
  feed_lists_all_items: '订阅源列出全部内容',
  weibo_uid: '微博用户编号',
  app_track_id: '苹果应用编号',
  app_bundle_id: '应用包名',
  android_stores: '安卓应用商店',
  huawei_app_id: '华为应用编号',
  app_search_terms: '应用搜索词',
};

/** Other names offices use for the same columns. */
const MORE_NAMES: Partial<Record<AccountImportColumn, string[]>> = {
  agency_code: ['单位代码', '主办单位编码', '单位编码', '主办单位代码（必填）'],
  handle: ['账号', '账号id', '账号ID', '平台账号', '账号标识（必填）'],
  display_name: ['名称', '账号名', '账号名称（必填）'],
  url: ['网址', '链接', '主页地址', '账号链接'],
  filing_number: ['备案号'],
  opened_at: ['开通时间', '开设日期'],
  weibo_uid: ['微博UID', '微博uid'],
};

/** Header cell → column code: trimmed, a trailing * (required mark) and any （note）/(note) dropped, case ignored. */
export function accountColumnOf(header: string): string {
  const bare = header
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[*＊]/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();
  for (const [column, name] of Object.entries(ACCOUNT_HEADER_NAMES)) {
    const names = [name, column, ...(MORE_NAMES[column as AccountImportColumn] ?? [])].map((n) =>
      n
        .replace(/[（(][^）)]*[）)]/g, '')
        .replace(/\s+/g, '')
        .toLowerCase(),
    );
    if (names.includes(bare)) return column;
  }
  return header.trim().toLowerCase();
}

/** Each platform's name as the template lists it (the dashboard's words, lib/platforms.ts). */
export const PLATFORM_TEMPLATE_NAMES: Record<string, string> = Object.fromEntries(
  PLATFORM_LIST.map((p) => [p.code, p.names['zh-CN']]),
);

/** Platform names as offices write them: the dashboard's words (spaces removed), and common short forms. */
export const PLATFORM_NAMES: Record<string, string> = {
  ...Object.fromEntries(
    Object.entries(PLATFORM_TEMPLATE_NAMES).map(([code, name]) => [name.replace(/\s+/g, '').toLowerCase(), code]),
  ),
  新浪微博: 'WEIBO',
  公众号: 'WECHAT',
  微信: 'WECHAT',
  头条: 'TOUTIAO',
  头条号: 'TOUTIAO',
  b站: 'BILIBILI',
  微信视频号: 'WECHAT_CHANNELS',
  苹果客户端: 'APP_IOS',
  android客户端: 'APP_ANDROID',
  网站: 'RSS',
};

/** The template's example row starts its first cell with this; such rows are not imported. */
export const EXAMPLE_ROW_MARK = '示例';

export const FILING_STATUS_NAMES: Record<string, string> = { 已备案: 'FILED', 备案中: 'PENDING', 未备案: 'UNFILED' };

const byName = (names: Record<string, string>, value: unknown) =>
  typeof value === 'string' ? (names[value.replace(/\s+/g, '').toLowerCase()] ?? value) : value;

/** A row's cells with platform and filing status names turned into their codes; other cells untouched. */
export function accountCellsByCode(cells: Record<string, unknown>): Record<string, unknown> {
  return {
    ...cells,
    platform: byName(PLATFORM_NAMES, cells.platform),
    filing_status: byName(FILING_STATUS_NAMES, cells.filing_status),
  };
}
