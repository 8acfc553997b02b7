import type { PrismaClient } from '@/lib/db/types';
import { replaceAccountScores, type FindingRow, type listReviewDecisions } from '@/lib/data/inspection-run';
import { scoreAccount, type AccountScore, type Edition, type Finding, type ScoringContext } from '@/lib/scoring';
import { buildAccountHistories } from './build-account-histories';

type Decisions = Awaited<ReturnType<typeof listReviewDecisions>>;

function toFindingRow(f: Finding, decisions: Decisions, editionCode: string): FindingRow {
  // The decision is stored with the finding only where scoring applied it (the status is the decision); a dismissal
  // that a later machine confirmation overrode (scoring's reviewApplies) leaves the finding unreviewed, pending again.
  const found = decisions.get(f.fingerprint);
  const review = found && found.status === f.status ? found : undefined;
  const e = f.evidence;
  return {
    indicatorCode: f.indicatorCode,
    ruleId: f.ruleId,
    status: f.status,
    points: f.points,
    isVeto: f.isVeto,
    fingerprint: f.fingerprint,
    sourceType: e.sourceType,
    postId: e.sourceType === 'POST' ? e.sourceId : null,
    commentId: e.sourceType === 'COMMENT' ? e.sourceId : null,
    snapshotId: e.sourceType === 'SNAPSHOT' ? e.sourceId : null,
    appReleaseId: e.sourceType === 'APP_RELEASE' ? e.sourceId : null,
    storeListingId: e.sourceType === 'STORE_LISTING' ? e.sourceId : null,
    linkCheckId: e.sourceType === 'LINK_CHECK' ? e.sourceId : null,
    sourceUrl: e.url,
    sourcePlatformId: e.platformId,
    sourcePublishedAt: e.publishedAt,
    spanStart: e.spanStart,
    spanEnd: e.spanEnd,
    matchedText: e.matchedText,
    lexiconEntry: e.lexiconEntry,
    details: { ...e.details, field: e.field, editionCode },
    reviewedById: review?.reviewedById ?? null,
    reviewedAt: review?.reviewedAt ?? null,
    reviewReason: review?.reviewReason ?? null,
    reviewBasis: review?.reviewBasis ?? null,
  };
}

type BatchArgs = {
  db: PrismaClient;
  inspectionId: string;
  editionId: string;
  edition: Edition;
  ctx: ScoringContext;
  contextFor?: (accountId: string) => ScoringContext;
  decisions: Decisions;
  duplicateShares: Map<string, number>;
  now: Date;
};

type ScoredAccount = { accountId: string; score: AccountScore };

/** Days of facts scoring reads before the monitoring date (the longest window of the edition, plus one). */
function lookbackDays(edition: Edition): number {
  return (
    Math.max(
      edition.contentWindowDays,
      edition.D1.countWindowDays,
      edition.D5.windowDays,
      edition.veto.V1_4.silenceDays + 2,
    ) + 1
  );
}

/** Reads a batch's facts (a fixed number of queries per batch). */
export function loadBatchHistories(args: BatchArgs, accountIds: string[]) {
  return buildAccountHistories(
    args.db,
    accountIds,
    args.ctx.monitoringAt,
    lookbackDays(args.edition),
    args.duplicateShares,
  );
}

/** Scores loaded histories: pure CPU (lib/scoring), no database. */
export function scoreHistories(
  args: Pick<BatchArgs, 'ctx' | 'contextFor'>,
  histories: Awaited<ReturnType<typeof buildAccountHistories>>,
): ScoredAccount[] {
  return histories.map((h) => ({
    accountId: h.account.id,
    score: scoreAccount(h, args.contextFor?.(h.account.id) ?? args.ctx),
  }));
}

/** Stores a batch's scores with their findings in one transaction, in bulk statements. */
export async function writeBatchScores(args: BatchArgs, scores: ScoredAccount[]): Promise<void> {
  const rows = scores.map(({ accountId, score }) => ({
    accountId,
    score: {
      result: score.result,
      total: score.total,
      bonus: score.bonus,
      breakdown: { indicators: score.breakdown, reportedScore: score.reportedScore },
      vetoCodes: score.vetoCodes,
      pendingVetoCodes: score.pendingVetoCodes,
      coverage: { ...score.coverage, nearDuplicateShare: args.duplicateShares.get(accountId) ?? 0 },
      inputHash: score.inputHash,
    },
    findings: score.findings.map((f) => toFindingRow(f, args.decisions, args.edition.code)),
  }));
  await args.db.$transaction(
    (tx) => replaceAccountScores(tx, { inspectionId: args.inspectionId, editionId: args.editionId }, rows, args.now),
    { timeout: 120_000, maxWait: 60_000 },
  );
}

/**
 * Scores a batch of accounts and stores each score with its findings, one transaction per batch. `contextFor`
 * gives an account's context when local lexicon terms apply to its agency (else `ctx`).
 */
export async function scoreAccountBatch(args: BatchArgs & { accountIds: string[] }): Promise<AccountScore[]> {
  const scores = scoreHistories(args, await loadBatchHistories(args, args.accountIds));
  await writeBatchScores(args, scores);
  return scores.map((s) => s.score);
}
