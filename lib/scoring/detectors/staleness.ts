import { finding } from '../finding';
import { DAY_MS, daysBetween } from '../time';
import type { AccountHistory, DetectorResult, ScoringContext } from '../types';

const itemsIn = (h: AccountHistory, from: Date, to: Date) => h.posts.filter((p) => !p.isPinned && p.publishedAt > from && p.publishedAt <= to);
const isCovered = (h: AccountHistory, from: Date, to: Date) => daysBetween(from, to).every((d) => h.coverage.get(d) === 'COVERED');

/** V2 内容不更新 and D1 更新不及时: pinned items ignored, reposts count; a crawl gap never reads as silence. */
export function detectStaleness(h: AccountHistory, ctx: ScoringContext): DetectorResult {
  const out: DetectorResult = { findings: [], insufficient: [], notApplicable: [] };
  if (h.account.isApp) {
    out.notApplicable.push('V2', 'D1');
    return out;
  }
  const at = ctx.monitoringAt;
  const { V2 } = ctx.edition.veto;
  const v2From = new Date(at.getTime() - V2.windowDays * DAY_MS);
  const last = [...h.posts].filter((p) => !p.isPinned && p.publishedAt <= at).sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())[0];
  if (V2.enabled && itemsIn(h, v2From, at).length === 0) {
    if (!isCovered(h, v2From, at)) out.insufficient.push('V2');
    else {
      out.findings.push(finding({ indicatorCode: 'V2', ruleId: 'V2.NO_UPDATE', status: 'CONFIRMED', points: 0, isVeto: true }, {
        sourceType: 'COVERAGE', sourceId: last?.id ?? null, publishedAt: last?.publishedAt ?? null,
        details: { key: `${v2From.toISOString()}`, windowDays: V2.windowDays, lastItemAt: last?.publishedAt.toISOString() ?? null },
      }));
    }
  }
  const { D1 } = ctx.edition;
  if (!D1.enabled) return out;
  const weekFrom = new Date(at.getTime() - D1.noItemDays * DAY_MS);
  const monthFrom = new Date(at.getTime() - D1.countWindowDays * DAY_MS);
  let isD1Insufficient = false;
  if (itemsIn(h, weekFrom, at).length === 0) {
    if (isCovered(h, weekFrom, at)) out.findings.push(finding({ indicatorCode: 'D1', ruleId: 'D1.NO_ITEM_WEEK', status: 'CONFIRMED', points: D1.noItemPoints }, { sourceType: 'COVERAGE', details: { key: 'week', days: D1.noItemDays } }));
    else isD1Insufficient = true;
  }
  const monthItems = itemsIn(h, monthFrom, at).length;
  if (monthItems < D1.minItems) {
    if (isCovered(h, monthFrom, at)) out.findings.push(finding({ indicatorCode: 'D1', ruleId: 'D1.FEW_ITEMS', status: 'CONFIRMED', points: D1.fewItemsPoints }, { sourceType: 'COVERAGE', details: { key: 'month', items: monthItems, minItems: D1.minItems } }));
    else isD1Insufficient = true;
  }
  if (isD1Insufficient) out.insufficient.push('D1');
  return out;
}
