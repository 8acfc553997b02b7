import { declareDetector } from '../declaration';
import { textSimilarity } from '@/lib/text/similarity';
import { finding, postEvidence } from '../finding';
import { DAY_MS } from '@/lib/time';
import type { AccountHistory, DetectorResult, Finding, PostFact, ScoringContext } from '../types';

/** How far back a correction may point: corrections of older items are rare and pairing them would guess. */
export const CORRECTION_PAIRING_DAYS = 3;
/** A re-published post this similar to a deleted one is a corrected version of it, not a new item. */
const REPUBLISHED_SIMILARITY = 0.5;
/** A 更正/辟谣 post shares at least this much wording with the item it corrects (有毒气球 … “有毒气球”系谣言). */
const CORRECTED_ITEM_SIMILARITY = 0.1;

export type CorrectedItem = { post: PostFact; similarity: number; deleted: boolean };

const ownEarlier = (q: PostFact, posts: readonly PostFact[]) =>
  posts.filter(
    (p) =>
      p.id !== q.id &&
      !p.isRepost &&
      p.publishedAt < q.publishedAt &&
      q.publishedAt.getTime() - p.publishedAt.getTime() <= CORRECTION_PAIRING_DAYS * DAY_MS,
  );

/** The earlier own item a correction post most likely corrects: deleted items first, then the most similar one. */
export function correctedItemFor(q: PostFact, posts: readonly PostFact[]): CorrectedItem | null {
  let best: CorrectedItem | null = null;
  for (const p of ownEarlier(q, posts)) {
    const similarity = textSimilarity(p.text, q.text);
    const deleted = p.deletedAt !== null;
    if (similarity < CORRECTED_ITEM_SIMILARITY && !deleted) continue;
    if (!best || Number(deleted) > Number(best.deleted) || (deleted === best.deleted && similarity > best.similarity))
      best = { post: p, similarity, deleted };
  }
  return best;
}

export const correctionDetails = (item: CorrectedItem | null): Record<string, unknown> =>
  item
    ? {
        correctsPostId: item.post.id,
        correctsPlatformId: item.post.platformId,
        correctsDeleted: item.deleted,
        similarity: Math.round(item.similarity * 100) / 100,
      }
    : {};

const hasCorrectionWording = (p: PostFact, ctx: ScoringContext) =>
  ctx.matcher.search(p.text).some((m) => m.entry.category === 'CORRECTION');

/**
 * D2 "a deleted post followed by a correction" without correction wording: the account deleted an item and soon
 * re-published it with changes (a silent correction). Posts with 更正/辟谣 wording are scored by the text rules,
 * which name the corrected item through `correctedItemFor`, so one correction is never counted twice.
 */
export function detectDeletedCorrections(h: AccountHistory, ctx: ScoringContext): DetectorResult {
  const from = ctx.monitoringAt.getTime() - ctx.edition.contentWindowDays * DAY_MS;
  const until = ctx.monitoringAt.getTime();
  const out: Finding[] = [];
  const deleted = h.posts
    .filter((p) => p.deletedAt && !p.isRepost)
    .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
  if (deleted.length === 0) return { findings: out, insufficient: [], notApplicable: [] };
  const used = new Set<string>();
  for (const original of deleted) {
    const t0 = original.publishedAt.getTime();
    const republished = h.posts
      .filter((q) => {
        const t = q.publishedAt.getTime();
        return (
          t > t0 &&
          t - t0 <= CORRECTION_PAIRING_DAYS * DAY_MS &&
          t > from &&
          t <= until &&
          !q.isRepost &&
          !q.deletedAt &&
          !used.has(q.id) &&
          q.text !== original.text
        );
      })
      .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime())
      .find((q) => textSimilarity(original.text, q.text) >= REPUBLISHED_SIMILARITY);
    if (!republished || hasCorrectionWording(republished, ctx)) continue;
    used.add(republished.id);
    const pair = { post: original, similarity: textSimilarity(original.text, republished.text), deleted: true };
    out.push(
      finding(
        {
          indicatorCode: 'D2',
          ruleId: 'D2.DELETED_THEN_CORRECTED',
          status: 'SUSPECTED',
          points: ctx.edition.D2.correctionPoints,
        },
        {
          ...postEvidence(republished, 'text'),
          matchedText: republished.text.slice(0, 120),
          details: { ...correctionDetails(pair), deletedText: original.text.slice(0, 200) },
        },
      ),
    );
  }
  return { findings: out, insufficient: [], notApplicable: [] };
}

/** D2's deleted corrections: its section is declared with D2's other rules (text-rules.ts). */
export const deletedCorrections = declareDetector({
  fields: {},
  vetoFields: {},
  baseline: {},
  vetoBaseline: {},
  since: 1,
  detect: detectDeletedCorrections,
});
