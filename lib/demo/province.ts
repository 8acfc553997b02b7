import { createRandom, type Random } from '@/lib/random';
import type { PostInput, StoreListingInput } from '@/lib/schemas/snapshot';
import { buildDemoAccounts, DEMO_GOLDEN_ACCOUNTS, isAppAccount, type DemoAccount } from './accounts';
import { buildDemoAgencies, type DemoAgency } from './agencies';
import { GOLDEN_PLANTERS, LONG_HISTORY_DAYS } from './golden';
import { appReleases, daysAgo, HISTORY_DAYS, profileFor, routinePosts, type DemoHistory } from './history';
import { APP_NAMES } from './names';
import { plantLeaderMentions } from './leaders';
import { pastEpisodes } from './past-quarters';
import { plantRepostTask } from './repost-task';

export type DemoProvince = {
  now: Date;
  seed: number;
  agencies: DemoAgency[];
  accounts: DemoAccount[];
  /** Keyed by account key. */
  histories: Map<string, DemoHistory>;
  /** URL of the item the demo reposting task (DEMO_REPOST_TASK) asks for; null if its issuer is missing. */
  repostItemUrl: string | null;
};

export const DEFAULT_DEMO_SEED = 20191;
/** Weibo mids and the other numeric ids are this plus a per-account block plus unix seconds. */
const ID_BASE = 4_900_000_000_000_000;
const ID_BLOCK = 10_000_000_000;

const kindOf = (agency: DemoAgency) =>
  agency.level === 'TOWNSHIP' ? 'town' : agency.key.slice(agency.key.lastIndexOf('-') + 1);

function placeOf(agency: DemoAgency, byKey: Map<string, DemoAgency>): string {
  if (agency.level === 'TOWNSHIP') return agency.shortName;
  const parent = agency.parentKey ? byKey.get(agency.parentKey) : undefined;
  return parent?.shortName ?? agency.shortName;
}

function appHistory(r: Random, account: DemoAccount, now: Date): Pick<DemoHistory, 'appReleases' | 'storeListings'> {
  const app = APP_NAMES[account.agencyKey] ?? {
    name: account.displayName,
    seller: '江川省大数据发展管理局',
    sellerId: '1500000000',
  };
  const isIos = account.platformCode === 'APP_IOS';
  const stores: Array<StoreListingInput['store']> = isIos ? ['APP_STORE'] : ['HUAWEI', 'YINGYONGBAO', 'XIAOMI'];
  return {
    appReleases: appReleases(r, now, app, stores[0] ?? 'APP_STORE', r.int(8, 120)),
    storeListings: stores.map((store) => ({
      store,
      storeAppId: account.handle,
      appName: app.name,
      sellerName: app.seller,
      sellerId: app.sellerId,
      url: isIos
        ? `https://apps.apple.com/cn/app/id${account.handle}`
        : `https://${store.toLowerCase()}.example.invalid/app/${account.handle}`,
    })),
  };
}

/** Near-duplicate copy for G12: the same items with a few characters added. */
const echoPosts = (posts: PostInput[], offset: number): PostInput[] =>
  posts.map((p) => ({
    ...p,
    platformPostId: String(Number(p.platformPostId) + offset),
    url: null,
    text: `${p.text}（转自东湖发布）`,
    comments: [],
  }));

/** The demo province 江川省 at `now`: pure, and deep-equal for the same seed and `now`. */
export function buildDemoProvince({ now, seed = DEFAULT_DEMO_SEED }: { now: Date; seed?: number }): DemoProvince {
  const r = createRandom(seed);
  const agencies = buildDemoAgencies();
  const byKey = new Map(agencies.map((a) => [a.key, a]));
  const accounts = buildDemoAccounts(agencies);
  const histories = new Map<string, DemoHistory>();
  const idBases = new Map<string, number>();
  accounts.forEach((account, index) => {
    const agency = byKey.get(account.agencyKey);
    if (!agency) throw new Error(`demo account ${account.key} has no agency`);
    const crawlFrom = daysAgo(now, LONG_HISTORY_DAYS[account.key] ?? HISTORY_DAYS);
    const until = account.closedDaysAgo === null ? now : daysAgo(now, account.closedDaysAgo);
    const renamedAt = account.rename ? daysAgo(now, account.rename.daysAgo) : null;
    const profile = profileFor(account, agency.name, account.rename?.from ?? account.displayName, r);
    const history: DemoHistory = {
      crawlFrom,
      coveredUntil: until,
      posts: [],
      profiles: [
        { from: crawlFrom, profile },
        ...(renamedAt ? [{ from: renamedAt, profile: { ...profile, displayName: account.displayName } }] : []),
      ],
      followers: { start: r.int(800, 400_000), perDay: r.int(0, 120) },
      failedCrawls: [],
      appReleases: [],
      storeListings: [],
      episodes: [],
    };
    const idBase = ID_BASE + index * ID_BLOCK;
    idBases.set(account.key, idBase);
    if (isAppAccount(account)) Object.assign(history, appHistory(r, account, now));
    const context = { agency: agency.name, place: placeOf(agency, byKey), kind: kindOf(agency) };
    if (!isAppAccount(account)) history.posts = routinePosts(r, account, context, crawlFrom, until, idBase);
    GOLDEN_PLANTERS[account.key]?.(history, { now, account, idBase });
    // Past quarters draw from their own random streams: the recent history is the same with or without them.
    history.episodes = pastEpisodes({ account, index, seed, now, recentFrom: crawlFrom, idBase, context });
    history.posts.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
    histories.set(account.key, history);
  });
  const g12 = histories.get(DEMO_GOLDEN_ACCOUNTS.G12);
  const g12Copy = histories.get(`${DEMO_GOLDEN_ACCOUNTS.G12}#2`);
  const g12CopyIndex = accounts.findIndex((a) => a.key === `${DEMO_GOLDEN_ACCOUNTS.G12}#2`);
  const g12Index = accounts.findIndex((a) => a.key === DEMO_GOLDEN_ACCOUNTS.G12);
  if (g12 && g12Copy) g12Copy.posts = echoPosts(g12.posts, (g12CopyIndex - g12Index) * ID_BLOCK);
  const repostItemUrl = plantRepostTask(now, accounts, histories, idBases);
  plantLeaderMentions(now, accounts, histories, idBases);
  for (const history of histories.values())
    history.posts.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
  return { now, seed, agencies, accounts, histories, repostItemUrl };
}
