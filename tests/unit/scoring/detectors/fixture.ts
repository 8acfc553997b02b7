import {
  BUILT_IN_CALENDAR,
  compileLexicons,
  NATIONAL_2019,
  STARTER_LEXICONS,
  type AccountHistory,
  type AppReleaseFact,
  type CommentFact,
  type DetectorResult,
  type FactRead,
  type LinkCheckFact,
  type PostFact,
  type RepostTaskFact,
  type ScoringContext,
  type SnapshotFact,
  type StoreListingFact,
} from '@/lib/scoring';

/** The fixed monitoring date of the detector tests: Wednesday 2026-11-25, 12:00 in Shanghai. */
export const AT = new Date('2026-11-25T04:00:00Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The instant `days` (fractional) before `from`. */
export const ago = (days: number, from: Date = AT): Date => new Date(from.getTime() - days * DAY);
/** An instant given as Shanghai wall-clock time, e.g. `cst('2026-09-30 10:00')`. */
export const cst = (local: string): Date => new Date(`${local.replace(' ', 'T')}:00+08:00`);
/** The Shanghai day (YYYY-MM-DD) of an instant. */
export const shanghaiDay = (t: Date): string => new Date(t.getTime() + 8 * HOUR).toISOString().slice(0, 10);

export const { matcher, prohibitedDomains } = compileLexicons(STARTER_LEXICONS);

export function context(over: Partial<ScoringContext> = {}): ScoringContext {
  return {
    monitoringAt: AT,
    edition: NATIONAL_2019,
    matcher,
    prohibitedDomains,
    calendar: BUILT_IN_CALENDAR,
    reviews: new Map(),
    ...over,
  };
}

/** Coverage of the `days` Shanghai days up to and including the day of `at`; `failedDaysAgo` days come out FAILED. */
export function coverage(
  days = 100,
  at: Date = AT,
  failedDaysAgo: (daysAgo: number) => boolean = () => false,
): Map<string, 'COVERED' | 'FAILED'> {
  return new Map(
    Array.from({ length: days + 1 }, (_, i) => [
      shanghaiDay(ago(i, at)),
      failedDaysAgo(i) ? ('FAILED' as const) : ('COVERED' as const),
    ]),
  );
}

export function post(id: string, over: Partial<PostFact> = {}): PostFact {
  return {
    id,
    platformId: `wb-${id}`,
    url: `https://weibo.example/${id}`,
    title: null,
    text: '【通知】政务服务大厅正常办公。',
    publishedAt: ago(1),
    isPinned: false,
    isRepost: false,
    repostOfText: null,
    links: [],
    commentsEnabled: true,
    deletedAt: null,
    likes: null,
    reposts: null,
    comments: null,
    ...over,
  };
}

/** `n` ordinary items, one per day at 0.5, 1.5, … days before `at`. */
export const dailyPosts = (n = 20, at: Date = AT): PostFact[] =>
  Array.from({ length: n }, (_, i) => post(`d${i}`, { text: '日常工作动态', publishedAt: ago(i + 0.5, at) }));

export function comment(id: string, over: Partial<CommentFact> = {}): CommentFact {
  return {
    id,
    postId: 'd1',
    url: null,
    text: '支持！',
    publishedAt: ago(1),
    isOwnReply: false,
    replyToId: null,
    ...over,
  };
}
export const question = (id: string, askedAt: Date, text = '请问怎么办理？'): CommentFact =>
  comment(id, { text, publishedAt: askedAt });
export const reply = (id: string, to: CommentFact, at: Date, text = '您好，请咨询12345。'): CommentFact =>
  comment(id, { postId: to.postId, text, publishedAt: at, isOwnReply: true, replyToId: to.id });

export function snapshot(id: string, over: Partial<SnapshotFact> = {}): SnapshotFact {
  return {
    id,
    takenAt: ago(1),
    displayName: '江川发布',
    avatarHash: 'avatar-1',
    isVerified: true,
    followersCount: 1000,
    isInteractionEnabled: true,
    hasFeedbackChannel: null,
    ...over,
  };
}

export function appRelease(id: string, over: Partial<AppReleaseFact> = {}): AppReleaseFact {
  return {
    id,
    version: '3.2.0',
    releasedAt: ago(30),
    rating: 4.5,
    ratingCount: 1200,
    sellerName: '江川市大数据中心',
    sellerId: 'seller-jc',
    appName: '江川市民通',
    observedAt: ago(1),
    ...over,
  };
}

export function storeListing(id: string, over: Partial<StoreListingFact> = {}): StoreListingFact {
  return {
    id,
    storeAppId: `store-${id}`,
    appName: '天气预报大师',
    sellerName: '某科技有限公司',
    sellerId: 'seller-other',
    url: `https://apps.example/${id}`,
    ...over,
  };
}

export function linkCheck(id: string, over: Partial<LinkCheckFact> = {}): LinkCheckFact {
  return {
    id,
    url: 'https://gov.example/menu/service',
    checkedAt: ago(0.1),
    httpStatus: 404,
    isFailure: true,
    ...over,
  };
}

export function repostTask(id: string, over: Partial<RepostTaskFact> = {}): RepostTaskFact {
  return { id, title: '转发防汛通知', matchTerms: ['防汛'], publishedAt: ago(5), deadline: ago(2), ...over };
}

export function account(over: Partial<AccountHistory['account']> = {}): AccountHistory['account'] {
  return {
    id: 'acc-1',
    platformCode: 'WEIBO',
    displayName: '江川发布',
    isApp: false,
    filingStatus: 'FILED',
    namingRule: null,
    isFirstOfAgencyPlatform: true,
    ...over,
  };
}

/** Every covered day of `cov` read with `facts` (a Weibo crawl reads posts, comments and the profile). */
export function factsByDay(
  cov: AccountHistory['coverage'],
  facts: FactRead[] = ['posts', 'comments', 'profile'],
): Map<string, Set<FactRead>> {
  return new Map([...cov].filter(([, s]) => s !== 'FAILED').map(([day]) => [day, new Set(facts)]));
}

/** Read through the end of the latest COVERED day of `cov` (the first instant of the next Shanghai day); null if none. */
export function readThroughOf(cov: AccountHistory['coverage']): Date | null {
  const days = [...cov].filter(([, s]) => s === 'COVERED').map(([day]) => day);
  if (days.length === 0) return null;
  const latest = days.sort().at(-1) as string;
  return new Date(new Date(`${latest}T00:00:00+08:00`).getTime() + DAY);
}

/**
 * An active, fully crawled, clean Weibo account unless overridden; facts default to everything read on the covered
 * days, and the timeline read through the end of the latest covered day.
 */
export function history(over: Partial<AccountHistory> = {}): AccountHistory {
  const cov = over.coverage ?? coverage();
  return {
    account: account(),
    posts: dailyPosts(),
    comments: [],
    snapshots: [],
    appReleases: [],
    storeListings: [],
    linkChecks: [],
    coverage: cov,
    factsByDay: factsByDay(cov),
    readThrough: readThroughOf(cov),
    listingLookups: [],
    filedChanges: [],
    repostTasks: [],
    nearDuplicateShare: 0,
    bonusAwards: [],
    ...over,
  };
}

/** An app account (iOS) with no posts. */
export const appHistory = (over: Partial<AccountHistory> = {}): AccountHistory =>
  history({
    account: account({ platformCode: 'APP_IOS', displayName: '江川市民通', isApp: true }),
    posts: [],
    ...over,
  });

export const ruleIds = (r: DetectorResult): string[] => r.findings.map((f) => f.ruleId).sort();

/** The indicator codes a detector could not decide (their reasons are checked where they matter). */
export const insufficientCodes = (r: DetectorResult): string[] => r.insufficient.map((i) => i.code);
