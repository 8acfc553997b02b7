import type { AnnualContext } from './context';
import { itemOf } from './context';
import type { Quarter } from './calendar';
import { quarterCodeOf } from './calendar';
import type { AnnualInspectionFact } from './facts';
import type { AnnualFact, AnnualItem } from './schema';

/**
 * Inspections "of the unit's tree" in a quarter: finished, monitored in the quarter, scoped at the unit itself or at
 * an ancestor (a TREE or SAMPLE inspection over a region containing the whole tree). An inspection of one child only
 * is not an inspection of the tree.
 */
export function treeInspections(ctx: AnnualContext, quarter: Quarter): AnnualInspectionFact[] {
  const scopes = new Set([ctx.facts.unit.id, ...ctx.facts.unit.ancestorIds]);
  return ctx.facts.inspections
    .filter((i) => scopes.has(i.scopeAgencyId) && quarterCodeOf(new Date(i.monitoringAt)) === quarter.code)
    .sort((a, b) => a.monitoringAt.localeCompare(b.monitoringAt) || a.id.localeCompare(b.id));
}

/**
 * How much of the tree one inspection covered: accounts with a verdict over accounts open at its monitoring time (opened
 * by then, not closed yet, as inspections pick them; an account the inspection scored was open to it whatever the
 * stored dates say). Counted without building the open set: a province has tens of thousands of accounts.
 */
function coverageOf(ctx: AnnualContext, inspection: AnnualInspectionFact) {
  const scored = ctx.scoresByInspection.get(inspection.id) ?? [];
  const scoredIds = new Set(scored.map((s) => s.accountId));
  const covered = scored.filter((s) => s.result !== 'INSUFFICIENT_DATA').length;
  const t = Date.parse(inspection.monitoringAt);
  let active = scoredIds.size;
  for (const a of ctx.openIntervals) if (a.from <= t && a.to > t && !scoredIds.has(a.id)) active += 1;
  return { covered, active, insufficient: scored.length - covered, ratio: active === 0 ? null : covered / active };
}

const inspectionRef = (i: AnnualInspectionFact) => ({
  inspectionId: i.id,
  inspectionName: i.name,
  scopeAgencyName: i.scopeAgencyName,
  at: i.monitoringAt,
});

/**
 * A1 常态化监管: each ended quarter with no inspection of the tree −missingQuarterPoints; each ended quarter whose best
 * inspection gave a verdict on fewer than minCoverage of the open accounts −lowCoveragePoints (an INSUFFICIENT_DATA
 * result is not a check). A quarter still running is shown, never deducted.
 */
export function assessRoutineChecks(ctx: AnnualContext): AnnualItem {
  const { rules } = ctx;
  const facts: AnnualFact[] = ctx.quarters.flatMap((q): AnnualFact[] => {
    const isOver = ctx.now >= q.end;
    const inspections = treeInspections(ctx, q);
    if (inspections.length === 0) {
      return [
        isOver
          ? { kind: 'NO_INSPECTION', quarter: q.code, points: rules.A1.missingQuarterPoints }
          : { kind: 'QUARTER_NOT_DUE', quarter: q.code, points: 0 },
      ];
    }
    const measured = inspections.map((i) => ({ i, ...coverageOf(ctx, i) }));
    // The quarter's best inspection; on equal coverage the later one.
    const best = measured.reduce((a, b) => ((b.ratio ?? -1) >= (a.ratio ?? -1) ? b : a));
    const figures = {
      covered: best.covered,
      active: best.active,
      insufficient: best.insufficient,
      ...(best.ratio === null ? {} : { ratio: best.ratio }),
    };
    if (best.ratio === null)
      return [{ kind: 'NO_ACTIVE_ACCOUNTS', quarter: q.code, points: 0, ...inspectionRef(best.i), ...figures }];
    const isLow = best.ratio < rules.A1.minCoverage;
    return [
      {
        kind: isLow ? 'LOW_COVERAGE' : 'INSPECTED',
        quarter: q.code,
        points: isLow && isOver ? rules.A1.lowCoveragePoints : 0,
        ...inspectionRef(best.i),
        ...figures,
      },
    ];
  });
  return itemOf('A1', rules.A1.max, facts, { isDue: ctx.quarters.some((q) => ctx.now >= q.end) });
}

/**
 * A2 检查结果公开: each ended quarter in which no inspection of the tree had its notice (通报) issued by now
 * −missingNoticePoints. A quarter without an inspection has no notice either. A notice issued after its quarter
 * ended (a Q4 notice in January) counts once it is issued.
 */
export function assessPublishedNotices(ctx: AnnualContext): AnnualItem {
  const { rules } = ctx;
  const facts: AnnualFact[] = ctx.quarters.flatMap((q): AnnualFact[] => {
    const inspections = treeInspections(ctx, q);
    const issued = inspections.find(
      (i) => i.noticePublishedAt !== null && Date.parse(i.noticePublishedAt) <= ctx.now.getTime(),
    );
    if (issued)
      return [
        {
          kind: 'NOTICE_PUBLISHED',
          quarter: q.code,
          points: 0,
          inspectionId: issued.id,
          inspectionName: issued.name,
          scopeAgencyName: issued.scopeAgencyName,
          at: issued.noticePublishedAt ?? undefined,
        },
      ];
    const last = inspections[inspections.length - 1];
    const ref = last ? { inspectionId: last.id, inspectionName: last.name, scopeAgencyName: last.scopeAgencyName } : {};
    return [
      ctx.now >= q.end
        ? { kind: 'NO_NOTICE', quarter: q.code, points: rules.A2.missingNoticePoints, ...ref }
        : { kind: 'NOTICE_NOT_DUE', quarter: q.code, points: 0, ...ref },
    ];
  });
  return itemOf('A2', rules.A2.max, facts, { isDue: ctx.quarters.some((q) => ctx.now >= q.end) });
}
