import type { PostInput } from '@/lib/schemas/snapshot';
import { buildDemoAccounts, DEMO_GOLDEN_ACCOUNTS, type DemoAccount } from './accounts';
import { buildDemoAgencies, type DemoAgency } from './agencies';
import { GOLDEN_PLANTERS, type DemoHistory } from './golden';
import { daysAgo, HISTORY_DAYS, routinePosts } from './history';
import { createRandom } from '@/lib/random';

export type DemoProvince = {
  now: Date;
  agencies: DemoAgency[];
  accounts: DemoAccount[];
  histories: Map<string, DemoHistory>;
};

const isApp = (a: DemoAccount) => a.platformCode === 'APP_IOS' || a.platformCode === 'APP_ANDROID';

function appHistory(a: DemoAccount, now: Date, r: ReturnType<typeof createRandom>): Pick<DemoHistory, 'appReleases' | 'storeListings'> {
  return {
    appReleases: [{
      store: a.platformCode === 'APP_IOS' ? 'APP_STORE' : 'HUAWEI',
      version: `3.${r.int(0, 9)}.${r.int(0, 9)}`,
      releasedAt: daysAgo(now, r.int(10, 120)),
      rating: Math.round((3.6 + r.next() * 1.3) * 10) / 10,
      ratingCount: r.int(80, 5000),
      sellerName: '江川省大数据发展管理局',
      sellerId: '1500000000',
      appName: a.displayName.replace(/（.*）/, ''),
    }],
    storeListings: [],
  };
}

/** Near-duplicate copy for G12: same items with a few characters changed. */
const echoPosts = (posts: PostInput[], suffix: string): PostInput[] =>
  posts.map((p) => ({ ...p, platformPostId: `${p.platformPostId}${suffix}`, text: `${p.text}（转自东湖发布）`, comments: [] }));

/** The demo province 江川省 at `now`: deterministic for the same seed and `now`. */
export function buildDemoProvince({ now, seed = 20191 }: { now: Date; seed?: number }): DemoProvince {
  const r = createRandom(seed);
  const agencies = buildDemoAgencies();
  const accounts = buildDemoAccounts(agencies);
  const names = new Map(agencies.map((a) => [a.key, a.name]));
  const histories = new Map<string, DemoHistory>();
  const start = daysAgo(now, HISTORY_DAYS);
  for (const account of accounts) {
    const history: DemoHistory = { posts: [], failedCrawls: [], coveredUntil: now, appReleases: [], storeListings: [] };
    if (isApp(account)) Object.assign(history, appHistory(account, now, r));
    else history.posts = routinePosts(r, account, names.get(account.agencyKey) ?? '', now, start, now);
    GOLDEN_PLANTERS[account.key]?.(history, now);
    histories.set(account.key, history);
  }
  const g12 = histories.get(DEMO_GOLDEN_ACCOUNTS.G12);
  const g12Copy = histories.get(`${DEMO_GOLDEN_ACCOUNTS.G12}#2`);
  if (g12 && g12Copy) g12Copy.posts = echoPosts(g12.posts, 'e');
  return { now, agencies, accounts, histories };
}
