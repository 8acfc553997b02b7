import type { Edition } from '../edition';
import { buildContext } from './context';
import type { AnnualFacts } from './facts';
import { assessPassRate } from './pass-rate';
import { assessRegistration } from './registration';
import { assessRectification } from './rectification';
import { assessPublishedNotices, assessRoutineChecks } from './routine';
import { annualAssessmentSchema, type AnnualAssessment } from './schema';
import { assessVeto } from './veto';

/**
 * The annual supervision assessment of one unit's tree for one year (docs/indicators.md Part 3), from stored facts only.
 * Pure: the clock and the edition are passed in; the same facts, edition and clock give the same assessment.
 */
export function assessAnnual(facts: AnnualFacts, edition: Edition, now: Date): AnnualAssessment {
  const ctx = buildContext(facts, edition.annual, now);
  const veto = assessVeto(ctx);
  const scored = [
    assessRoutineChecks(ctx),
    assessPublishedNotices(ctx),
    assessRectification(ctx),
    assessRegistration(ctx),
    assessPassRate(ctx),
  ];
  const maxScore = scored.reduce((n, i) => n + i.max, 0);
  return annualAssessmentSchema.parse({
    unitId: facts.unit.id,
    unitName: facts.unit.name,
    year: facts.year,
    editionCode: edition.code,
    editionName: edition.name,
    asOf: now.toISOString(),
    isFinal: ctx.isYearOver,
    score: maxScore - scored.reduce((n, i) => n + i.deducted, 0),
    maxScore,
    vetoed: veto.vetoed,
    hasInsufficientData: [veto.item, ...scored].some((i) => i.status === 'INSUFFICIENT_DATA'),
    items: [veto.item, ...scored],
  });
}

/** The facts of one child's subtree, cut from its parent's: one load serves a unit and the ranking of its children. */
export function subtreeFacts(
  facts: AnnualFacts,
  child: { id: string; name: string; ancestorIds: string[] },
): AnnualFacts {
  const accounts = facts.accounts.filter((a) => a.agencyPath.includes(child.id));
  const ids = new Set(accounts.map((a) => a.id));
  return {
    unit: { id: child.id, name: child.name, ancestorIds: child.ancestorIds },
    year: facts.year,
    accounts,
    inspections: facts.inspections,
    scores: facts.scores.filter((s) => ids.has(s.accountId)),
    rectifications: facts.rectifications.filter((r) => ids.has(r.accountId)),
  };
}
