import type { PlatformCode } from '@/lib/schemas/enums';
import type { DemoAgency } from './agencies';
import { accountNameFor, APP_NAMES } from './names';

export type DemoAccount = {
  /** `<agency key>:<platform>`, plus `#n` for an agency's extra accounts on one platform. */
  key: string;
  agencyKey: string;
  platformCode: PlatformCode;
  handle: string;
  displayName: string;
  url: string;
  filingNumber: string | null;
  filingStatus: 'UNFILED' | 'PENDING' | 'FILED';
  lifecycle: 'OPEN' | 'CHANGED' | 'CLOSED';
  /** Days before `now`; turned into instants by the province builder. */
  openedDaysAgo: number;
  /** CHANGED: the filed rename, `daysAgo` before `now`. */
  rename: { from: string; daysAgo: number } | null;
  /** CLOSED: days before `now` the account was closed (注销). */
  closedDaysAgo: number | null;
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
  G10: 'jc-office:APP_IOS',
  G11: 'jc-ly-office:WECHAT',
  G12: 'qs-dh-propaganda:WEIBO',
} as const;

/** Ordinary accounts with a planted trait (typos, nearing the 14-day limit, lifecycle changes, naming). */
export const DEMO_TRAIT_ACCOUNTS = {
  typos: 'jc-ly-health:WEIBO',
  nearingStale: ['bs-health:WEIBO', 'jc-ly-town:WECHAT', 'qs-dh-town2:WECHAT'],
  closed: ['qs-qsx-town2:TOUTIAO', 'bs-bx-town2:TOUTIAO'],
  changed: ['jc-hx-health:WEIBO', 'bs-sl-office:WECHAT'],
  badName: ['jc-hx-health:TOUTIAO', 'qs-dh-town:WEIBO'],
} as const;

const CLOSED_DAYS_AGO = [24, 37];
const CHANGED_DAYS_AGO = [21, 33];

function platformsFor(agency: DemoAgency): PlatformCode[] {
  const p: PlatformCode[] = ['WEIBO', 'WECHAT'];
  if (agency.key === 'prov-office') p.push('APP_IOS', 'APP_ANDROID', 'DOUYIN', 'RSS');
  else if (/^(jc|qs|bs)-office$/.test(agency.key)) p.push('APP_IOS', 'APP_ANDROID', 'DOUYIN');
  if (agency.key.endsWith('-health')) p.push('TOUTIAO');
  if (agency.key.endsWith('-traffic') || agency.key.endsWith('-propaganda')) p.push('DOUYIN');
  if (agency.key.endsWith('-police') || agency.key === 'prov-culture') p.push('DOUYIN');
  if (agency.level === 'TOWNSHIP') p.push('TOUTIAO');
  return p;
}

/** Deterministic id fragments from a number, in the alphabet a platform uses. */
const token = (n: number, length: number, alphabet: string) => {
  let x = (n * 2654435761) >>> 0;
  let out = '';
  for (let i = 0; i < length; i += 1) {
    x = (Math.imul(x ^ (x >>> 13), 1274126177) + i) >>> 0;
    out += alphabet[x % alphabet.length];
  }
  return out;
};
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function handleFor(platform: PlatformCode, n: number, nOnPlatform: number, agency: DemoAgency): string {
  const slug = agency.key.replaceAll('-', '');
  switch (platform) {
    case 'WEIBO':
      return String(7400000000 + nOnPlatform);
    case 'WECHAT':
      return `gh_${token(n, 12, '0123456789abcdef')}`;
    case 'APP_IOS':
      return String(6400000000 + nOnPlatform);
    case 'APP_ANDROID':
      return `cn.gov.jiangchuan.${slug}`;
    case 'DOUYIN':
      return `MS4wLjABAAAA${token(n, 32, B64)}`;
    case 'TOUTIAO':
      return `MS4wLjABAAAA${token(n + 5000, 24, B64)}`;
    case 'RSS':
      return `https://www.jiangchuan.gov.cn.example.invalid/${slug}/rss.xml`;
    default:
      return `${platform.toLowerCase()}_${slug}`;
  }
}

function urlFor(platform: PlatformCode, handle: string): string {
  switch (platform) {
    case 'WEIBO':
      return `https://weibo.com/u/${handle}`;
    case 'WECHAT':
      return `https://mp.weixin.qq.com/profile?id=${handle}`;
    case 'APP_IOS':
      return `https://apps.apple.com/cn/app/id${handle}`;
    case 'APP_ANDROID':
      return `https://appgallery.huawei.com/app/${handle}`;
    case 'DOUYIN':
      return `https://www.douyin.com/user/${handle}`;
    case 'TOUTIAO':
      return `https://www.toutiao.com/c/user/token/${handle}/`;
    default:
      return handle;
  }
}

const CRAWL_CONFIG: Partial<Record<PlatformCode, (n: number) => Record<string, string>>> = {
  WECHAT: (n) => ({ route: 'RSS_BRIDGE', weMpRssId: `MzkwMD${token(n, 10, B64)}` }),
  DOUYIN: () => ({ route: 'RSSHUB' }),
  TOUTIAO: () => ({ route: 'RSSHUB' }),
};

export function buildDemoAccounts(agencies: DemoAgency[]): DemoAccount[] {
  const accounts: DemoAccount[] = [];
  const byKey = new Map(agencies.map((a) => [a.key, a]));
  let n = 0;
  const perPlatform = new Map<PlatformCode, number>();
  for (const agency of agencies) {
    if (['PROVINCE', 'CITY', 'COUNTY'].includes(agency.level)) continue;
    const parent = agency.parentKey ? byKey.get(agency.parentKey) : undefined;
    for (const platform of platformsFor(agency)) {
      n += 1;
      perPlatform.set(platform, (perPlatform.get(platform) ?? 0) + 1);
      const key = `${agency.key}:${platform}`;
      const handle = handleFor(platform, n, perPlatform.get(platform) ?? 0, agency);
      const isUnfiled = n % 11 === 0;
      const closedIndex = DEMO_TRAIT_ACCOUNTS.closed.indexOf(key as (typeof DEMO_TRAIT_ACCOUNTS.closed)[number]);
      const changedIndex = DEMO_TRAIT_ACCOUNTS.changed.indexOf(key as (typeof DEMO_TRAIT_ACCOUNTS.changed)[number]);
      const displayName = accountNameFor(
        agency,
        parent,
        platform,
        DEMO_TRAIT_ACCOUNTS.badName.some((k) => k === key),
      );
      accounts.push({
        key,
        agencyKey: agency.key,
        platformCode: platform,
        handle,
        displayName,
        url: urlFor(platform, handle),
        filingNumber: isUnfiled ? null : `川网信备${agency.regionCode.slice(0, 6)}${String(n).padStart(4, '0')}号`,
        filingStatus: isUnfiled ? 'UNFILED' : n % 17 === 0 ? 'PENDING' : 'FILED',
        lifecycle: closedIndex >= 0 ? 'CLOSED' : changedIndex >= 0 ? 'CHANGED' : 'OPEN',
        openedDaysAgo: 400 + ((n * 37) % 1500),
        rename:
          changedIndex >= 0
            ? {
                from: `${agency.shortName}${platform === 'WECHAT' ? '公众号' : '微博'}`,
                daysAgo: CHANGED_DAYS_AGO[changedIndex] ?? 30,
              }
            : null,
        closedDaysAgo: closedIndex >= 0 ? (CLOSED_DAYS_AGO[closedIndex] ?? 30) : null,
        crawlConfig: CRAWL_CONFIG[platform]?.(n) ?? {},
      });
    }
  }
  // G12: the same agency runs three Weibo accounts, two of them near-duplicates.
  const g12 = accounts.find((a) => a.key === DEMO_GOLDEN_ACCOUNTS.G12);
  if (g12) {
    for (const [i, label] of ['东湖宣传', '东湖之声'].entries()) {
      const handle = String(7400000091 + i);
      accounts.push({
        ...g12,
        key: `${g12.key}#${i + 2}`,
        handle,
        url: urlFor('WEIBO', handle),
        displayName: label,
        filingNumber: null,
        filingStatus: 'UNFILED',
        openedDaysAgo: 200 + i * 50,
      });
    }
  }
  return accounts;
}

export const isAppAccount = (a: Pick<DemoAccount, 'platformCode'>) =>
  a.platformCode === 'APP_IOS' || a.platformCode === 'APP_ANDROID';
export { APP_NAMES };
