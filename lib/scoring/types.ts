import type { Edition } from './edition';

export type SourceType = 'POST' | 'COMMENT' | 'SNAPSHOT' | 'APP_RELEASE' | 'STORE_LISTING' | 'LINK_CHECK' | 'ACCOUNT' | 'COVERAGE' | 'REPOST_TASK';
export type FindingStatus = 'SUSPECTED' | 'CONFIRMED' | 'DISMISSED' | 'RECTIFIED';
export type IndicatorStatus = 'HIT' | 'CLEAR' | 'INSUFFICIENT_DATA' | 'NOT_APPLICABLE';
export type ScoreResult = 'PASS' | 'FAIL_SCORE' | 'FAIL_VETO' | 'AT_RISK' | 'INSUFFICIENT_DATA';

export type PostFact = {
  id: string; platformId: string; url: string | null; title: string | null; text: string; publishedAt: Date;
  isPinned: boolean; isRepost: boolean; repostOfText: string | null; repostOfUrl?: string | null; links: string[]; commentsEnabled: boolean | null;
  deletedAt: Date | null; likes: number | null; reposts: number | null; comments: number | null;
};
export type CommentFact = { id: string; postId: string; url: string | null; text: string; publishedAt: Date; isOwnReply: boolean; replyToId: string | null };
export type SnapshotFact = {
  id: string; takenAt: Date; displayName: string; avatarHash: string | null; isVerified: boolean | null;
  followersCount: number | null; isInteractionEnabled: boolean | null; hasFeedbackChannel: boolean | null;
};
export type AppReleaseFact = { id: string; version: string; releasedAt: Date | null; rating: number | null; ratingCount: number | null; sellerName: string | null; sellerId: string | null; appName: string; observedAt: Date };
export type StoreListingFact = { id: string; storeAppId: string; appName: string; sellerName: string | null; sellerId: string | null; url: string | null };
export type LinkCheckFact = { id: string; url: string; checkedAt: Date; httpStatus: number | null; isFailure: boolean };
export type RepostTaskFact = { id: string; title: string; matchTerms: string[]; itemUrl?: string | null; publishedAt: Date; deadline: Date };

/** Everything known about one account at the monitoring date. */
export type AccountHistory = {
  account: {
    id: string; platformCode: string; displayName: string; isApp: boolean; filingStatus: string;
    namingRule: string | null; isFirstOfAgencyPlatform: boolean;
  };
  posts: PostFact[];
  comments: CommentFact[];
  snapshots: SnapshotFact[];
  appReleases: AppReleaseFact[];
  storeListings: StoreListingFact[];
  linkChecks: LinkCheckFact[];
  /** Shanghai day (YYYY-MM-DD) → crawl outcome; missing days were not crawled. */
  coverage: ReadonlyMap<string, 'COVERED' | 'FAILED'>;
  /** Profile fields changed through a filed lifecycle change, with the date it took effect. */
  filedChanges: Array<{ effectiveAt: Date; fields: string[] }>;
  repostTasks: RepostTaskFact[];
  /** Share of this account's items in the window that near-duplicate another account of the tree (from nearDuplicateShares). */
  nearDuplicateShare: number;
  /** 加分 items awarded by supervisors; points come from the edition, so re-scoring with another edition re-prices them. */
  bonusAwards: Array<{ code: string; awardedAt: Date }>;
};

/** `titles`/`rank` mark a leader's name (V1.1): the titles the person holds and their protocol order (1 = first). */
export type LexiconEntryData = { category: string; correct?: string; kind?: string; evasion?: boolean; titles?: string[]; rank?: number };
/** `variant` is set when a match was found only through homophone folding (加威信 for 加微信) or one edit from a protected name. */
export type TextMatch = { entry: LexiconEntryData; term: string; start: number; end: number; variant?: 'HOMOPHONE' | 'NEAR_MISS' };
export type TextMatcher = { search(text: string): TextMatch[] };
export type WorkCalendar = { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> };

export type ScoringContext = {
  monitoringAt: Date;
  edition: Edition;
  matcher: TextMatcher;
  prohibitedDomains: ReadonlySet<string>;
  calendar: WorkCalendar;
  /** Earlier review decisions by finding fingerprint; they carry over to re-scoring. */
  reviews: ReadonlyMap<string, 'CONFIRMED' | 'DISMISSED' | 'RECTIFIED'>;
};

export type Evidence = {
  sourceType: SourceType;
  sourceId: string | null;
  url: string | null;
  platformId: string | null;
  publishedAt: Date | null;
  field: 'text' | 'title' | 'repostOfText' | null;
  spanStart: number | null;
  spanEnd: number | null;
  matchedText: string | null;
  lexiconEntry: string | null;
  details: Record<string, string | number | boolean | null>;
};

export type Finding = {
  indicatorCode: string;
  ruleId: string;
  status: FindingStatus;
  points: number;
  isVeto: boolean;
  fingerprint: string;
  evidence: Evidence;
};

/** A detector's result: findings plus indicators it could not evaluate or that do not apply. */
export type DetectorResult = { findings: Finding[]; insufficient: string[]; notApplicable: string[] };

export type IndicatorBreakdown = { code: string; status: IndicatorStatus; deducted: number; max: number };

export type AccountScore = {
  result: ScoreResult;
  total: number;
  /** The score a notice reports: capped at the edition's veto score when vetoed. */
  reportedScore: number;
  bonus: number;
  breakdown: IndicatorBreakdown[];
  vetoCodes: string[];
  pendingVetoCodes: string[];
  coverage: { windowDays: number; coveredDays: number };
  findings: Finding[];
  inputHash: string;
  editionCode: string;
};
