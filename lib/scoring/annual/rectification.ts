import { shanghaiDay } from '@/lib/time';
import { accountRef, itemOf, type AnnualContext } from './context';
import type { AnnualFact, AnnualItem } from './schema';

/**
 * A3 问题整改: the rectifications of confirmed findings on accounts of the tree whose deadline (a Beijing day) falls in
 * the year. Open past its deadline −overduePoints; completed on a later Beijing day than its deadline −latePoints.
 * A rectification not yet due is counted, never deducted.
 */
export function assessRectification(ctx: AnnualContext): AnnualItem {
  const { rules } = ctx;
  const today = shanghaiDay(ctx.now);
  const rows = ctx.facts.rectifications
    .filter((r) => ctx.accounts.has(r.accountId) && r.deadline.startsWith(`${ctx.facts.year}-`))
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
  const deductions: AnnualFact[] = [];
  let late = 0;
  let overdue = 0;
  let open = 0;
  for (const r of rows) {
    const ref = {
      ...accountRef(ctx, r.accountId),
      rectificationId: r.id,
      findingId: r.findingId,
      indicatorCode: r.indicatorCode,
      ruleId: r.ruleId,
      day: r.deadline,
    };
    if (r.doneAt !== null) {
      if (shanghaiDay(new Date(r.doneAt)) > r.deadline) {
        late += 1;
        deductions.push({ kind: 'RECTIFICATION_LATE', points: rules.A3.latePoints, at: r.doneAt, ...ref });
      }
    } else if (r.deadline < today) {
      overdue += 1;
      deductions.push({ kind: 'RECTIFICATION_OVERDUE', points: rules.A3.overduePoints, ...ref });
    } else open += 1;
  }
  const counts: AnnualFact = { kind: 'RECTIFICATION_COUNTS', points: 0, total: rows.length, late, overdue, open };
  return itemOf('A3', rules.A3.max, [counts, ...deductions], {
    isDue: rows.length > open || ctx.quarters.some((q) => ctx.now >= q.end),
  });
}
