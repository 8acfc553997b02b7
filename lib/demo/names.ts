import type { PlatformCode } from '@/lib/schemas/enums';
import type { DemoAgency } from './agencies';

/** App names of the offices that publish an app; G10's look-alike copies 江川市民通. */
export const APP_NAMES: Record<string, { name: string; seller: string; sellerId: string }> = {
  'prov-office': { name: '江川政务服务', seller: '江川省大数据发展管理局', sellerId: '1500000000' },
  'jc-office': { name: '江川市民通', seller: '江川市大数据发展中心', sellerId: '1500000001' },
  'qs-office': { name: 'i青山', seller: '青山市政务服务管理办公室', sellerId: '1500000002' },
  'bs-office': { name: '白沙通', seller: '白沙市大数据局', sellerId: '1500000003' },
};

const BAD_NAMES: Record<string, string> = { 'jc-hx-health': '健康小卫士', 'qs-dh-town': '邻里生活圈' };

/** Where the agency sits: its own short place name (city, county or town). */
const placeOf = (agency: DemoAgency, parent: DemoAgency | undefined) =>
  agency.level === 'TOWNSHIP' ? agency.shortName : (parent?.shortName ?? agency.shortName);

/**
 * Names follow the usual pattern of government accounts (江川发布, 平安江川, 健康临溪, 白沙镇发布);
 * `isBad` gives the few planted names that break the agency's naming rule (D8).
 */
export function accountNameFor(
  agency: DemoAgency,
  parent: DemoAgency | undefined,
  platform: PlatformCode,
  isBad: boolean,
): string {
  const badName = BAD_NAMES[agency.key];
  if (isBad && badName) return badName;
  const app = APP_NAMES[agency.key];
  if (app && (platform === 'APP_IOS' || platform === 'APP_ANDROID')) return app.name;
  if (agency.key === 'prov-office') return platform === 'RSS' ? '江川省人民政府门户网站' : '江川发布';
  if (agency.key === 'prov-police') return '江川公安';
  if (agency.key === 'prov-health') return '江川卫健委';
  if (agency.key === 'prov-culture') return '江川文旅';
  const place = placeOf(agency, parent);
  const kind = agency.key.slice(agency.key.lastIndexOf('-') + 1);
  const isCity = parent?.level === 'CITY';
  switch (kind) {
    case 'office':
      return isCity ? `${parent?.name ?? place}发布` : `${place}发布`;
    case 'police':
      return `平安${place}`;
    case 'health':
      return `健康${place}`;
    case 'civil':
      return `文明${place}`;
    case 'traffic':
      return `${place}交警`;
    case 'propaganda':
      return `今日${place}`;
    default:
      return `${place}发布`;
  }
}
