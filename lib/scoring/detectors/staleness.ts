import { z } from 'zod';
import { days, declareDetector, indicatorSection, points } from '../declaration';
import { daysNotCrawled, insufficiency, isReadThrough, itemsPublishedIn, notReadThroughDetails } from '../coverage';
import { finding } from '../finding';
import { DAY_MS, shanghaiDaysBetween } from '@/lib/time';
import type { AccountHistory, DetectorResult, Insufficiency, ScoringContext } from '../types';

const notCrawled = (h: AccountHistory, from: Date, to: Date) => ({
  missing: daysNotCrawled(h, from, to).length,
  windowDays: shanghaiDaysBetween(from, to).length,
});

/** No item in the `days` before `end`, and every day of them crawled: silence the crawls saw. */
const isReadSilence = (h: AccountHistory, end: Date, days: number) => {
  const from = new Date(end.getTime() - days * DAY_MS);
  return itemsPublishedIn(h.posts, from, end).length === 0 && notCrawled(h, from, end).missing === 0;
};

/**
 * Why a silent window cannot be decided: days not crawled, or every day crawled but the last read ended before
 * `at` (the rest of the last day is unread, not silent). Null when the whole window was read.
 */
function windowUnread(h: AccountHistory, code: string, from: Date, at: Date): Insufficiency | null {
  const gap = notCrawled(h, from, at);
  if (gap.missing > 0)
    return insufficiency(code, 'DAYS_NOT_CRAWLED', { missingDays: gap.missing, windowDays: gap.windowDays });
  return isReadThrough(h, at) ? null : insufficiency(code, 'NOT_READ_THROUGH', notReadThroughDetails(h, at));
}

/**
 * V2 内容不更新 and D1 更新不及时: every item counts by its own date (pinned too), reposts count; a crawl gap never
 * reads as silence, nor does the part of the last day after the last read (docs/scoring.md "Read up to when").
 */
export function detectStaleness(h: AccountHistory, ctx: ScoringContext): DetectorResult {
  const out: DetectorResult = { findings: [], insufficient: [], notApplicable: [] };
  if (h.account.isApp) {
    out.notApplicable.push('V2', 'D1');
    return out;
  }
  const at = ctx.monitoringAt;
  const { V2 } = ctx.edition.veto;
  const v2From = new Date(at.getTime() - V2.windowDays * DAY_MS);
  const last = [...h.posts]
    .filter((p) => p.publishedAt <= at)
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())[0];
  if (V2.enabled && itemsPublishedIn(h.posts, v2From, at).length === 0) {
    const unread = windowUnread(h, 'V2', v2From, at);
    const evidence = {
      sourceType: 'COVERAGE' as const,
      sourceId: last?.id ?? null,
      publishedAt: last?.publishedAt ?? null,
    };
    const details = {
      key: `${v2From.toISOString()}`,
      windowDays: V2.windowDays,
      lastItemAt: last?.publishedAt.toISOString() ?? null,
    };
    if (!unread) {
      out.findings.push(
        finding(
          { indicatorCode: 'V2', ruleId: 'V2.NO_UPDATE', status: 'CONFIRMED', points: 0, isVeto: true },
          { ...evidence, details },
        ),
      );
    } else if (
      unread.reason === 'NOT_READ_THROUGH' &&
      h.readThrough &&
      isReadSilence(h, h.readThrough, V2.windowDays)
    ) {
      // The last read already saw a full window of silence (the limit was crossed before it), but not up to `at`:
      // the account may have posted since. A suspected veto (the account is at risk) until a read at or after `at`.
      out.findings.push(
        finding(
          { indicatorCode: 'V2', ruleId: 'V2.NO_UPDATE', status: 'SUSPECTED', points: 0, isVeto: true },
          { ...evidence, details: { ...details, ...notReadThroughDetails(h, at) } },
        ),
      );
    } else out.insufficient.push(unread);
  }
  const { D1 } = ctx.edition;
  if (!D1.enabled) return out;
  const weekFrom = new Date(at.getTime() - D1.noItemDays * DAY_MS);
  const monthFrom = new Date(at.getTime() - D1.countWindowDays * DAY_MS);
  let d1Unread: Insufficiency | null = null;
  if (itemsPublishedIn(h.posts, weekFrom, at).length === 0) {
    const week = windowUnread(h, 'D1', weekFrom, at);
    if (!week)
      out.findings.push(
        finding(
          { indicatorCode: 'D1', ruleId: 'D1.NO_ITEM_WEEK', status: 'CONFIRMED', points: D1.noItemPoints },
          { sourceType: 'COVERAGE', details: { key: 'week', days: D1.noItemDays } },
        ),
      );
    else d1Unread = week;
  }
  const monthItems = itemsPublishedIn(h.posts, monthFrom, at).length;
  if (monthItems < D1.minItems) {
    const month = windowUnread(h, 'D1', monthFrom, at);
    if (!month)
      out.findings.push(
        finding(
          { indicatorCode: 'D1', ruleId: 'D1.FEW_ITEMS', status: 'CONFIRMED', points: D1.fewItemsPoints },
          { sourceType: 'COVERAGE', details: { key: 'month', items: monthItems, minItems: D1.minItems } },
        ),
      );
    else d1Unread = month;
  }
  if (d1Unread) out.insufficient.push(d1Unread);
  return out;
}

/** D1 and V2, their sections of the edition and their national-2019 values. */
export const staleness = declareDetector({
  fields: {
    D1: indicatorSection({
      noItemDays: days,
      noItemPoints: points,
      countWindowDays: days,
      minItems: z.number().int().min(1),
      fewItemsPoints: points,
    }),
  },
  vetoFields: { V2: z.object({ enabled: z.boolean(), windowDays: days }) },
  baseline: { D1: { max: 10, noItemDays: 7, noItemPoints: 5, countWindowDays: 30, minItems: 4, fewItemsPoints: 5 } },
  vetoBaseline: { V2: { enabled: true, windowDays: 14 } },
  since: 1,
  detect: detectStaleness,
});
