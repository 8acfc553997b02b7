import { daysReadIn } from './coverage';
import { DEDUCTION_CODES, VETO_CODES } from './edition';
import { canonicalJson, hash53 } from './hash';
import { DETECTORS } from './detectors';
import { DAY_MS, shanghaiDaysBetween } from '@/lib/time';
import type {
  AccountHistory,
  AccountScore,
  DetectorResult,
  Finding,
  IndicatorBreakdown,
  ScoreResult,
  ScoringContext,
} from './types';

const vetoEnabled = (ctx: ScoringContext, code: string) =>
  ctx.edition.veto[code.replace('.', '_') as keyof ScoringContext['edition']['veto']].enabled;

/**
 * Whether an earlier decision still decides a finding the machine now rates `machine`. A dismissal made while the
 * machine only suspected (e.g. V2 read before the monitoring date) does not hide a later confirmation of the same
 * fingerprint: the finding stays CONFIRMED and is pending review again. A decision without a recorded basis (older
 * than the record) and any other decision apply as decided (docs/scoring.md "Reviews").
 */
export function reviewApplies(
  decision: 'CONFIRMED' | 'DISMISSED' | 'RECTIFIED',
  basis: Finding['status'] | undefined,
  machine: Finding['status'],
): boolean {
  return !(decision === 'DISMISSED' && basis === 'SUSPECTED' && machine === 'CONFIRMED');
}

function applyReviews(findings: Finding[], ctx: ScoringContext): Finding[] {
  return findings.map((f) => {
    const decision = ctx.reviews.get(f.fingerprint);
    return decision && reviewApplies(decision, ctx.reviewBases?.get(f.fingerprint), f.status)
      ? { ...f, status: decision }
      : f;
  });
}

const byStableOrder = (a: Finding, b: Finding) =>
  a.indicatorCode.localeCompare(b.indicatorCode) ||
  a.ruleId.localeCompare(b.ruleId) ||
  (a.evidence.publishedAt?.getTime() ?? 0) - (b.evidence.publishedAt?.getTime() ?? 0) ||
  (a.evidence.sourceId ?? '').localeCompare(b.evidence.sourceId ?? '') ||
  (a.evidence.spanStart ?? 0) - (b.evidence.spanStart ?? 0) ||
  a.fingerprint.localeCompare(b.fingerprint);

function breakdownFor(code: string, max: number, findings: Finding[], results: DetectorResult[]): IndicatorBreakdown {
  const own = findings.filter((f) => f.indicatorCode === code && f.status !== 'DISMISSED');
  const deducted = Math.min(
    max,
    own.reduce((n, f) => n + f.points, 0),
  );
  const missing = results.flatMap((r) => r.insufficient).find((i) => i.code === code);
  const status =
    own.length > 0
      ? 'HIT'
      : results.some((r) => r.notApplicable.includes(code))
        ? 'NOT_APPLICABLE'
        : missing
          ? 'INSUFFICIENT_DATA'
          : 'CLEAR';
  // A hit keeps the reason too: some of the indicator's rules could not be decided, so its deduction may be incomplete.
  return {
    code,
    status,
    deducted,
    max,
    ...(missing && status !== 'NOT_APPLICABLE' ? { reason: missing.reason, reasonDetails: missing.details } : {}),
  };
}

/** Reasons that leave the account's core fact unknown: its timeline (V2) or, for an app, whether its store lists it. */
const LISTING_UNKNOWN = new Set(['LISTING_NOT_READ', 'LISTING_NOT_FOUND_ONCE']);
const isCoreUnknown = (history: AccountHistory, results: DetectorResult[]) =>
  results
    .flatMap((r) => r.insufficient)
    .some((i) => i.code === 'V2' || (history.account.isApp && i.code === 'D7' && LISTING_UNKNOWN.has(i.reason)));

/** Each awarded item of the edition counts once if awarded within the content window; unknown codes count nothing. */
function bonusPoints(history: AccountHistory, ctx: ScoringContext): number {
  const from = ctx.monitoringAt.getTime() - ctx.edition.contentWindowDays * DAY_MS;
  const awarded = new Set(
    history.bonusAwards
      .filter((b) => b.awardedAt.getTime() > from && b.awardedAt <= ctx.monitoringAt)
      .map((b) => b.code),
  );
  return ctx.edition.bonus.items.filter((item) => awarded.has(item.code)).reduce((n, item) => n + item.points, 0);
}

/**
 * Scores one account at the monitoring date with one edition (docs/indicators.md "How a score is computed").
 * Suspected deductions count provisionally; only confirmed vetoes fail; a suspected veto puts the account at risk.
 */
export function scoreAccount(history: AccountHistory, ctx: ScoringContext): AccountScore {
  const results = DETECTORS.map((d) => d.detect(history, ctx));
  // Some evidence is shared by accounts (a reposting task, the first account of an agency): the account is part of
  // the identity, or two accounts' findings would be one row and one account's review would decide the other's.
  const raw = results
    .flatMap((r) => r.findings)
    .map((f) => ({ ...f, fingerprint: hash53(`${history.account.id}|${f.fingerprint}`) }));
  const findings = applyReviews(raw, ctx)
    .filter((f) => !f.isVeto || vetoEnabled(ctx, f.indicatorCode))
    .sort(byStableOrder);
  const breakdown = [
    ...VETO_CODES.map((code) => breakdownFor(code, 0, findings, results)),
    ...DEDUCTION_CODES.filter((c) => ctx.edition[c].enabled).map((c) =>
      breakdownFor(c, ctx.edition[c].max, findings, results),
    ),
  ];
  const isActiveVeto = (f: Finding) => f.isVeto && (f.status === 'CONFIRMED' || f.status === 'RECTIFIED');
  const vetoCodes = [...new Set(findings.filter(isActiveVeto).map((f) => f.indicatorCode))].sort();
  const pendingVetoCodes = [
    ...new Set(findings.filter((f) => f.isVeto && f.status === 'SUSPECTED').map((f) => f.indicatorCode)),
  ].sort();
  const total = Math.max(0, 100 - breakdown.reduce((n, b) => n + b.deducted, 0));
  const bonusRaw = bonusPoints(history, ctx);
  const bonus = total >= ctx.edition.bonus.minScore ? Math.min(ctx.edition.bonus.cap, bonusRaw) : 0;
  // Without the core fact (V2's timeline; an app's listing) pass/fail is not claimed; a confirmed veto still stands.
  // Other rules that lack data show INSUFFICIENT_DATA with their reason on the scorecard and leave the result to the rest.
  const result: ScoreResult = vetoCodes.length
    ? 'FAIL_VETO'
    : isCoreUnknown(history, results)
      ? 'INSUFFICIENT_DATA'
      : pendingVetoCodes.length
        ? 'AT_RISK'
        : total + bonus < ctx.edition.passMark
          ? 'FAIL_SCORE'
          : 'PASS';
  const windowFrom = new Date(ctx.monitoringAt.getTime() - ctx.edition.veto.V2.windowDays * DAY_MS);
  return {
    result,
    total,
    reportedScore: vetoCodes.length ? Math.min(total, ctx.edition.vetoScore) : total + bonus,
    bonus,
    breakdown,
    vetoCodes,
    pendingVetoCodes,
    coverage: {
      windowDays: shanghaiDaysBetween(windowFrom, ctx.monitoringAt).length,
      // A day read only partly (the last read ended before its end and before the monitoring date) is not covered.
      coveredDays: daysReadIn(history, windowFrom, ctx.monitoringAt).length,
    },
    findings,
    inputHash: scoringInputHash(
      history,
      ctx,
      raw.map((f) => f.fingerprint),
    ),
    editionCode: ctx.edition.code,
  };
}

/** Same history, edition, monitoring date and decisions on this account's findings → same hash and score. */
export function scoringInputHash(history: AccountHistory, ctx: ScoringContext, fingerprints: string[]): string {
  const reviews = fingerprints
    .filter((fp) => ctx.reviews.has(fp))
    .sort()
    .map((fp) => {
      const basis = ctx.reviewBases?.get(fp);
      return basis ? [fp, ctx.reviews.get(fp), basis] : [fp, ctx.reviews.get(fp)];
    });
  return hash53(canonicalJson({ history, edition: ctx.edition, at: ctx.monitoringAt, reviews }));
}
