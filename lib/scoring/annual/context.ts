import type { Edition } from '../edition';
import { quarterCodeOf, quartersOf, yearEnd, type Quarter } from './calendar';
import type { AnnualAccountFact, AnnualFacts, AnnualInspectionFact, AnnualScoreFact } from './facts';
import type { AnnualFact, AnnualItem, AnnualItemCode } from './schema';

export type ScoreWithInspection = AnnualScoreFact & { inspection: AnnualInspectionFact; quarter: string };

/** What every item rule reads: the facts indexed once, the year's quarters and the clock. */
export type AnnualContext = {
  facts: AnnualFacts;
  rules: Edition['annual'];
  now: Date;
  quarters: Quarter[];
  isYearOver: boolean;
  accounts: Map<string, AnnualAccountFact>;
  /** Every tree account's scores from the year's finished inspections, with the inspection and its quarter. */
  scores: ScoreWithInspection[];
  /** The same scores per inspection id. */
  scoresByInspection: Map<string, ScoreWithInspection[]>;
  /** Each tree account's open interval in epoch ms (opened_at null: open from the start; closed_at null: still open). */
  openIntervals: Array<{ id: string; from: number; to: number }>;
  /** Each account's latest score per quarter (the score the notices and the annual report use). */
  latestPerQuarter: ScoreWithInspection[];
};

const isLater = (a: ScoreWithInspection, b: ScoreWithInspection) =>
  a.inspection.monitoringAt > b.inspection.monitoringAt ||
  (a.inspection.monitoringAt === b.inspection.monitoringAt && a.computedAt > b.computedAt);

export function buildContext(facts: AnnualFacts, rules: Edition['annual'], now: Date): AnnualContext {
  const accounts = new Map(facts.accounts.map((a) => [a.id, a]));
  // The quarter of each inspection once, not per score (a province has hundreds of thousands of scores).
  const inspections = new Map(
    facts.inspections.map((i) => [i.id, { inspection: i, quarter: quarterCodeOf(new Date(i.monitoringAt)) }]),
  );
  const scores: ScoreWithInspection[] = [];
  const scoresByInspection = new Map<string, ScoreWithInspection[]>();
  for (const s of facts.scores) {
    const found = inspections.get(s.inspectionId);
    if (!found || !accounts.has(s.accountId) || !found.quarter.startsWith(`${facts.year}Q`)) continue;
    const row = { ...s, inspection: found.inspection, quarter: found.quarter };
    scores.push(row);
    const list = scoresByInspection.get(s.inspectionId);
    if (list) list.push(row);
    else scoresByInspection.set(s.inspectionId, [row]);
  }
  const latest = new Map<string, ScoreWithInspection>();
  for (const s of scores) {
    const key = `${s.accountId}|${s.quarter}`;
    const seen = latest.get(key);
    if (!seen || isLater(s, seen)) latest.set(key, s);
  }
  return {
    facts,
    rules,
    now,
    quarters: quartersOf(facts.year),
    isYearOver: now >= yearEnd(facts.year),
    accounts,
    scores,
    scoresByInspection,
    openIntervals: facts.accounts.map((a) => ({
      id: a.id,
      from: a.openedAt === null ? -Infinity : Date.parse(a.openedAt),
      to: a.closedAt === null ? Infinity : Date.parse(a.closedAt),
    })),
    latestPerQuarter: [...latest.values()],
  };
}

/** An account's identity as facts name it. */
export function accountRef(
  ctx: AnnualContext,
  accountId: string,
): Pick<AnnualFact, 'accountId' | 'accountName' | 'agencyName' | 'platformCode'> {
  const a = ctx.accounts.get(accountId);
  return {
    accountId,
    accountName: a?.name ?? accountId,
    agencyName: a?.agencyName ?? '',
    platformCode: a?.platformCode ?? '',
  };
}

/**
 * An item from its facts: deductions are summed and capped at the item's maximum. With no deduction it is CLEAR,
 * unless the rule says nothing has fallen due yet (NOT_DUE) or the facts cannot decide it (INSUFFICIENT_DATA).
 */
export function itemOf(
  code: AnnualItemCode,
  max: number,
  facts: AnnualFact[],
  options: { isDue: boolean; insufficient?: string | null },
): AnnualItem {
  const deducted = Math.min(
    max,
    facts.reduce((sum, f) => sum + f.points, 0),
  );
  const status =
    deducted > 0 ? 'HIT' : options.insufficient ? 'INSUFFICIENT_DATA' : options.isDue ? 'CLEAR' : 'NOT_DUE';
  return {
    code,
    deducted,
    max,
    status,
    reason: status === 'INSUFFICIENT_DATA' ? (options.insufficient ?? null) : null,
    facts,
  };
}
