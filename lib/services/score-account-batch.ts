import type { PrismaClient } from '@/lib/db/types';
import { replaceAccountScore, type FindingRow, type listReviewDecisions } from '@/lib/data/inspection-run';
import { scoreAccount, type AccountScore, type Edition, type Finding, type ScoringContext } from '@/lib/scoring';
import { buildAccountHistories } from './build-account-histories';

type Decisions = Awaited<ReturnType<typeof listReviewDecisions>>;

function toFindingRow(f: Finding, decisions: Decisions, editionCode: string): FindingRow {
  const review = decisions.get(f.fingerprint);
  const e = f.evidence;
  return {
    indicatorCode: f.indicatorCode, ruleId: f.ruleId, status: f.status, points: f.points, isVeto: f.isVeto, fingerprint: f.fingerprint,
    sourceType: e.sourceType,
    postId: e.sourceType === 'POST' ? e.sourceId : null,
    commentId: e.sourceType === 'COMMENT' ? e.sourceId : null,
    snapshotId: e.sourceType === 'SNAPSHOT' ? e.sourceId : null,
    appReleaseId: e.sourceType === 'APP_RELEASE' ? e.sourceId : null,
    storeListingId: e.sourceType === 'STORE_LISTING' ? e.sourceId : null,
    linkCheckId: e.sourceType === 'LINK_CHECK' ? e.sourceId : null,
    sourceUrl: e.url, sourcePlatformId: e.platformId, sourcePublishedAt: e.publishedAt, spanStart: e.spanStart, spanEnd: e.spanEnd,
    matchedText: e.matchedText, lexiconEntry: e.lexiconEntry, details: { ...e.details, field: e.field, editionCode },
    reviewedById: review?.reviewedById ?? null, reviewedAt: review?.reviewedAt ?? null, reviewReason: review?.reviewReason ?? null,
  };
}

/** Scores a batch of accounts and stores each score with its findings, one transaction per batch. */
export async function scoreAccountBatch(args: {
  db: PrismaClient; inspectionId: string; editionId: string; edition: Edition; ctx: ScoringContext; decisions: Decisions;
  accountIds: string[]; duplicateShares: Map<string, number>; now: Date;
}): Promise<AccountScore[]> {
  const { db, ctx, edition } = args;
  const lookback = Math.max(edition.contentWindowDays, edition.D1.countWindowDays, edition.D5.windowDays, edition.veto.V1_4.silenceDays + 2) + 1;
  const histories = await buildAccountHistories(db, args.accountIds, ctx.monitoringAt, lookback, args.duplicateShares);
  const scores = histories.map((h) => ({ accountId: h.account.id, score: scoreAccount(h, ctx) }));
  await db.$transaction(async (tx) => {
    for (const { accountId, score } of scores) {
      const findings = score.findings.map((f) => toFindingRow(f, args.decisions, edition.code));
      await replaceAccountScore(tx, { inspectionId: args.inspectionId, accountId, editionId: args.editionId }, {
        result: score.result, total: score.total, bonus: score.bonus,
        breakdown: { indicators: score.breakdown, reportedScore: score.reportedScore },
        vetoCodes: score.vetoCodes, pendingVetoCodes: score.pendingVetoCodes,
        coverage: { ...score.coverage, nearDuplicateShare: args.duplicateShares.get(accountId) ?? 0 },
        inputHash: score.inputHash,
      }, findings, args.now);
    }
  }, { timeout: 120_000, maxWait: 60_000 });
  return scores.map((s) => s.score);
}
