import { z } from 'zod';
import { declareDetector } from '../declaration';
import { insufficiency, itemsPublishedIn } from '../coverage';
import { finding } from '../finding';
import { DAY_MS } from '@/lib/time';
import type { AccountHistory, DetectorResult, ScoringContext } from '../types';

/** V3 未提供有效互动功能: comments closed on every item of the window, interaction off, or an app without feedback. */
export function detectInteraction(h: AccountHistory, ctx: ScoringContext): DetectorResult {
  const out: DetectorResult = { findings: [], insufficient: [], notApplicable: [] };
  if (!ctx.edition.veto.V3.enabled) return out;
  const latest = [...h.snapshots]
    .filter((s) => s.takenAt <= ctx.monitoringAt)
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime())[0];
  const hit = (ruleId: string, evidence: Parameters<typeof finding>[1]) =>
    out.findings.push(finding({ indicatorCode: 'V3', ruleId, status: 'CONFIRMED', points: 0, isVeto: true }, evidence));
  if (h.account.isApp) {
    if (latest?.hasFeedbackChannel === false)
      hit('V3.NO_FEEDBACK_CHANNEL', { sourceType: 'SNAPSHOT', sourceId: latest.id, publishedAt: latest.takenAt });
    else if (latest?.hasFeedbackChannel == null)
      out.insufficient.push(insufficiency('V3', 'NOT_EXPOSED_BY_PLATFORM', { fact: 'feedbackChannel' }));
    return out;
  }
  if (latest?.isInteractionEnabled === false) {
    hit('V3.INTERACTION_OFF', { sourceType: 'SNAPSHOT', sourceId: latest.id, publishedAt: latest.takenAt });
    return out;
  }
  const from = new Date(ctx.monitoringAt.getTime() - ctx.edition.veto.V2.windowDays * DAY_MS);
  const recent = itemsPublishedIn(h.posts, from, ctx.monitoringAt);
  if (recent.length > 0 && recent.every((p) => p.commentsEnabled === false)) {
    hit('V3.COMMENTS_CLOSED', {
      sourceType: 'POST',
      sourceId: recent[0]?.id ?? null,
      details: { key: 'window', items: recent.length },
    });
  } else if (latest?.isInteractionEnabled == null && !recent.some((p) => p.commentsEnabled !== null)) {
    // Neither the profile nor any item says whether the public can comment (Weibo timelines do not): not CLEAR.
    out.insufficient.push(insufficiency('V3', 'NOT_EXPOSED_BY_PLATFORM', { fact: 'commentSwitch' }));
  }
  return out;
}

/** V3 (its window is V2's). */
export const interaction = declareDetector({
  fields: {},
  vetoFields: { V3: z.object({ enabled: z.boolean() }) },
  baseline: {},
  vetoBaseline: { V3: { enabled: true } },
  since: 1,
  detect: detectInteraction,
});
