import type { PlatformCode } from '@/lib/schemas/enums';
import type { DemoAgency } from './agencies';

export type DemoAccount = {
  key: string;
  agencyKey: string;
  platformCode: PlatformCode;
  handle: string;
  displayName: string;
  filingNumber: string | null;
  filingStatus: 'UNFILED' | 'PENDING' | 'FILED';
  crawlConfig: Record<string, string>;
};

/** Golden cases of the indicator spec, each planted on a named account. */
export const DEMO_GOLDEN_ACCOUNTS = {
  G1: 'jc-civil:WEIBO',
  G2: 'jc-hx-propaganda:WEIBO',
  G3: 'qs-qsx-office:WECHAT',
  G4: 'qs-police:WEIBO',
  G5: 'bs-traffic:WEIBO',
  G6: 'bs-sl-town:WEIBO',
  G7: 'jc-health:WECHAT',
  G8: 'qs-health:WECHAT',
  G9: 'bs-bx-office:WECHAT',
  G10: 'bs-office:APP_IOS',
  G11: 'jc-ly-office:WECHAT',
  G12: 'qs-dh-propaganda:WEIBO',
} as const;

const shortName = (name: string) =>
  name.replace('人民政府办公厅', '政府办').replace('人民政府办公室', '政府办').replace('精神文明建设办公室', '文明办').replace('卫生健康委员会', '卫健委');

function platformsFor(agency: DemoAgency): PlatformCode[] {
  const p: PlatformCode[] = ['WEIBO', 'WECHAT'];
  if (agency.key === 'prov-office') p.push('APP_IOS', 'APP_ANDROID', 'DOUYIN', 'RSS');
  else if (/^(jc|qs|bs)-office$/.test(agency.key)) p.push('APP_IOS', 'APP_ANDROID', 'DOUYIN');
  if (agency.key.endsWith('-health')) p.push('TOUTIAO');
  if (agency.key.endsWith('-traffic') || agency.key.endsWith('-propaganda')) p.push('DOUYIN');
  if (agency.level === 'TOWNSHIP') p.push('TOUTIAO');
  return p;
}

function handleFor(platform: PlatformCode, n: number, agency: DemoAgency): string {
  const slug = agency.key.replaceAll('-', '');
  switch (platform) {
    case 'WEIBO': return String(7400000001 + n);
    case 'WECHAT': return `gh_${(0x0a1b2c3d4e5f + n * 7919).toString(16).padStart(12, '0').slice(-12)}`;
    case 'APP_IOS': return String(6400000001 + n);
    case 'APP_ANDROID': return `cn.gov.jiangchuan.${slug}`;
    case 'RSS': return `https://rss.example.invalid/jiangchuan/${slug}.xml`;
    default: return `${platform.toLowerCase()}_${slug}`;
  }
}

const SUFFIX: Partial<Record<PlatformCode, string>> = { APP_IOS: '（iOS）', APP_ANDROID: '（安卓）', DOUYIN: '', TOUTIAO: '', RSS: '（订阅）' };

export function buildDemoAccounts(agencies: DemoAgency[]): DemoAccount[] {
  const accounts: DemoAccount[] = [];
  let n = 0;
  for (const agency of agencies) {
    if (['PROVINCE', 'CITY', 'COUNTY'].includes(agency.level)) continue;
    for (const platform of platformsFor(agency)) {
      const isApp = platform === 'APP_IOS' || platform === 'APP_ANDROID';
      const base = isApp ? `${agency.name.slice(0, 3)}政务` : `${shortName(agency.name)}发布`;
      n += 1;
      accounts.push({
        key: `${agency.key}:${platform}`,
        agencyKey: agency.key,
        platformCode: platform,
        handle: handleFor(platform, n, agency),
        displayName: `${base}${SUFFIX[platform] ?? ''}`,
        filingNumber: n % 11 === 0 ? null : `江川备-${String(1000 + n)}`,
        filingStatus: n % 11 === 0 ? 'UNFILED' : 'FILED',
        crawlConfig: platform === 'WECHAT' ? { route: 'RSS_BRIDGE' } : {},
      });
    }
  }
  // G12: the same agency runs three Weibo accounts, two of them near-duplicates.
  const g12 = accounts.find((a) => a.key === DEMO_GOLDEN_ACCOUNTS.G12);
  if (g12) {
    for (const [i, label] of ['东湖宣传', '东湖之声'].entries()) {
      accounts.push({ ...g12, key: `${g12.key}#${i + 2}`, handle: String(7400009001 + i), displayName: label, filingNumber: null, filingStatus: 'UNFILED' });
    }
  }
  return accounts;
}
