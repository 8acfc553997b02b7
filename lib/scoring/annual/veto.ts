import { accountRef, itemOf, type AnnualContext, type ScoreWithInspection } from './context';
import type { AnnualFact, AnnualItem } from './schema';

const firstPerAccount = (scores: ScoreWithInspection[]) => {
  const first = new Map<string, ScoreWithInspection>();
  for (const s of [...scores].sort((a, b) => a.inspection.monitoringAt.localeCompare(b.inspection.monitoringAt)))
    if (!first.has(s.accountId)) first.set(s.accountId, s);
  return [...first.values()];
};

/**
 * A0 单项否决: more than maxV11Failures accounts of the tree failed for V1.1 (a confirmed serious expression error) in
 * any inspection of the year → the unit fails. Suspected V1.1 findings awaiting review that could reach the threshold
 * leave A0 undecided (INSUFFICIENT_DATA), never clear.
 */
export function assessVeto(ctx: AnnualContext): { item: AnnualItem; vetoed: boolean } {
  const limit = ctx.rules.A0.maxV11Failures;
  const failed = firstPerAccount(ctx.scores.filter((s) => s.result === 'FAIL_VETO' && s.vetoCodes.includes('V1.1')));
  const failedIds = new Set(failed.map((s) => s.accountId));
  const pending = firstPerAccount(
    ctx.scores.filter((s) => s.pendingVetoCodes.includes('V1.1') && !failedIds.has(s.accountId)),
  );
  const ref = (s: ScoreWithInspection) => ({
    ...accountRef(ctx, s.accountId),
    quarter: s.quarter,
    inspectionId: s.inspectionId,
    inspectionName: s.inspection.name,
    at: s.inspection.monitoringAt,
  });
  const facts: AnnualFact[] = [
    ...failed.map((s): AnnualFact => ({ kind: 'V11_FAILURE', points: 0, ...ref(s) })),
    ...pending.map((s): AnnualFact => ({ kind: 'V11_PENDING', points: 0, ...ref(s) })),
  ];
  const vetoed = failed.length > limit;
  const undecided = !vetoed && failed.length + pending.length > limit;
  const item = itemOf('A0', 0, facts, {
    isDue: ctx.now.getTime() >= (ctx.quarters[0]?.start.getTime() ?? 0),
    insufficient: undecided ? 'V11_PENDING_REVIEW' : null,
  });
  return { item: vetoed ? { ...item, status: 'HIT' } : item, vetoed };
}
