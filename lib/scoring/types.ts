import type { WorkCalendar } from '@/lib/time';
import type { Edition } from './edition';

export type { WorkCalendar };

export type SourceType =
  | 'POST'
  | 'COMMENT'
  | 'SNAPSHOT'
  | 'APP_RELEASE'
  | 'STORE_LISTING'
  | 'LINK_CHECK'
  | 'ACCOUNT'
  | 'COVERAGE'
  | 'REPOST_TASK';
export type FindingStatus = 'SUSPECTED' | 'CONFIRMED' | 'DISMISSED' | 'RECTIFIED';
export type IndicatorStatus = 'HIT' | 'CLEAR' | 'INSUFFICIENT_DATA' | 'NOT_APPLICABLE';
export type ScoreResult = 'PASS' | 'FAIL_SCORE' | 'FAIL_VETO' | 'AT_RISK' | 'INSUFFICIENT_DATA';

/** What a crawl can say it read (lib/schemas/snapshot.ts FACTS_READ); a rule needing an unread fact is INSUFFICIENT_DATA. */
export type FactRead = 'posts' | 'comments' | 'profile' | 'listing';
/** One answer of an app store about the monitored app: listed (found) or answered "not listed" (NOT_FOUND). */
export type ListingLookup = { at: Date; found: boolean };

export type PostFact = {
  id: string;
  platformId: string;
  url: string | null;
  title: string | null;
  text: string;
  publishedAt: Date;
  isPinned: boolean;
  isRepost: boolean;
  repostOfText: string | null;
  repostOfUrl?: string | null;
  links: string[];
  commentsEnabled: boolean | null;
  deletedAt: Date | null;
  likes: number | null;
  reposts: number | null;
  comments: number | null;
};
export type CommentFact = {
  id: string;
  postId: string;
  url: string | null;
  text: string;
  publishedAt: Date;
  isOwnReply: boolean;
  replyToId: string | null;
};
export type SnapshotFact = {
  id: string;
  takenAt: Date;
  displayName: string;
  avatarHash: string | null;
  isVerified: boolean | null;
  followersCount: number | null;
  isInteractionEnabled: boolean | null;
  hasFeedbackChannel: boolean | null;
};
export type AppReleaseFact = {
  id: string;
  version: string;
  releasedAt: Date | null;
  rating: number | null;
  ratingCount: number | null;
  sellerName: string | null;
  sellerId: string | null;
  appName: string;
  observedAt: Date;
};
export type StoreListingFact = {
  id: string;
  storeAppId: string;
  appName: string;
  sellerName: string | null;
  sellerId: string | null;
  url: string | null;
};
export type LinkCheckFact = { id: string; url: string; checkedAt: Date; httpStatus: number | null; isFailure: boolean };
export type RepostTaskFact = {
  id: string;
  title: string;
  matchTerms: string[];
  itemUrl?: string | null;
  publishedAt: Date;
  deadline: Date;
};

/** Everything known about one account at the monitoring date. */
export type AccountHistory = {
  account: {
    id: string;
    platformCode: string;
    displayName: string;
    isApp: boolean;
    filingStatus: string;
    namingRule: string | null;
    isFirstOfAgencyPlatform: boolean;
  };
  posts: PostFact[];
  comments: CommentFact[];
  snapshots: SnapshotFact[];
  appReleases: AppReleaseFact[];
  storeListings: StoreListingFact[];
  linkChecks: LinkCheckFact[];
  /** Shanghai day (YYYY-MM-DD) → crawl outcome; missing days were not crawled; PARTIAL (items skipped) is not covered. */
  coverage: ReadonlyMap<string, 'COVERED' | 'PARTIAL' | 'FAILED'>;
  /** Shanghai day → the facts the crawls covering that day read (comments are read per item, so per day); absent = nothing read. */
  factsByDay: ReadonlyMap<string, ReadonlySet<FactRead>>;
  /**
   * The instant up to which the timeline was read: where the coverage of the latest COVERED day ends (its crawl's
   * coverage end, which may be after the monitoring date). A COVERED day is read from its start only up to here, so
   * the rest of that day is unread, not silent. Null = never read, or not known (the crawl run is gone).
   */
  readThrough: Date | null;
  /** App store lookups known at the monitoring date, oldest first: when, and whether the store listed the app (apps only). */
  listingLookups: ListingLookup[];
  /** Profile fields changed through a filed lifecycle change, with the date it took effect. */
  filedChanges: Array<{ effectiveAt: Date; fields: string[] }>;
  repostTasks: RepostTaskFact[];
  /** Share of this account's items in the window that near-duplicate another account of the tree (from nearDuplicateShares). */
  nearDuplicateShare: number;
  /** 加分 items awarded by supervisors; points come from the edition, so re-scoring with another edition re-prices them. */
  bonusAwards: Array<{ code: string; awardedAt: Date }>;
};

/** `titles`/`rank` mark a leader's name (V1.1): the titles the person holds and their protocol order (1 = first). */
export type LexiconEntryData = {
  category: string;
  correct?: string;
  kind?: string;
  evasion?: boolean;
  titles?: string[];
  rank?: number;
};
/** `variant` is set when a match was found only through homophone folding (加威信 for 加微信) or one edit from a protected name. */
export type TextMatch = {
  entry: LexiconEntryData;
  term: string;
  start: number;
  end: number;
  variant?: 'HOMOPHONE' | 'NEAR_MISS';
};
export type TextMatcher = { search(text: string): TextMatch[] };

export type ScoringContext = {
  monitoringAt: Date;
  edition: Edition;
  matcher: TextMatcher;
  prohibitedDomains: ReadonlySet<string>;
  calendar: WorkCalendar;
  /** Earlier review decisions by finding fingerprint; they carry over to re-scoring. */
  reviews: ReadonlyMap<string, 'CONFIRMED' | 'DISMISSED' | 'RECTIFIED'>;
  /**
   * What the machine said (the finding's status before any review) when each decision was made, by fingerprint.
   * A fingerprint absent here (decisions older than the record) applies as decided.
   */
  reviewBases?: ReadonlyMap<string, FindingStatus>;
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

/** Why an indicator (or one of its rules) could not be decided; shown on the scorecard and in exports. */
export type InsufficientReason =
  | 'DAYS_NOT_CRAWLED' // days of the window have no successful crawl (details.missingDays)
  | 'NOT_READ_THROUGH' // V2, D1, D5: the last read ended before the monitoring date (details.readThroughAt; D5: details.undecided)
  | 'COMMENTS_NOT_READ' // the crawls of the window did not read comments (details.days)
  | 'NOT_EXPOSED_BY_PLATFORM' // the platform (or route) does not expose the flag the rule needs
  | 'LISTING_NOT_READ' // no store lookup of the app answered yet
  | 'LISTING_NOT_FOUND_ONCE' // the store said "not listed", not yet confirmed by a second lookup the edition's hours later
  | 'LINKS_NOT_CHECKED' // D6: links of the account (items in the window, menus) with no check in the window (details.unchecked)
  | 'LINK_FAILED_ONCE'; // D6: a link failed, not yet confirmed by a failure the edition's minHoursApart later (details.failedOnce)
export type Insufficiency = {
  code: string;
  reason: InsufficientReason;
  details: Record<string, string | number | boolean | null>;
};

/** A detector's result: findings plus indicators it could not evaluate (with the reason) or that do not apply. */
export type DetectorResult = { findings: Finding[]; insufficient: Insufficiency[]; notApplicable: string[] };

/**
 * One indicator on the scorecard. `reason` is set when data was missing: with INSUFFICIENT_DATA the indicator
 * could not be decided; with HIT some of its rules could not be (the deduction may be incomplete).
 * Rows stored before reasons existed have none.
 */
export type IndicatorBreakdown = {
  code: string;
  status: IndicatorStatus;
  deducted: number;
  max: number;
  reason?: InsufficientReason;
  reasonDetails?: Insufficiency['details'];
};

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
