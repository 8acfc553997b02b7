import { declareDetector, indicatorSection, points } from '../declaration';
import { findPersonalData } from '@/lib/text/pii';
import { commentEvidence, finding, postEvidence } from '../finding';
import { DAY_MS } from '@/lib/time';
import type { AccountHistory, DetectorResult, Evidence, Finding, ScoringContext } from '../types';

/** D4 泄露个人信息: each unmasked ID (valid checksum), mobile or Luhn-valid card in the account's own text. */
export function detectPersonalData(h: AccountHistory, ctx: ScoringContext): DetectorResult {
  const findings: Finding[] = [];
  if (!ctx.edition.D4.enabled) return { findings, insufficient: [], notApplicable: [] };
  const from = new Date(ctx.monitoringAt.getTime() - ctx.edition.contentWindowDays * DAY_MS);
  const check = (text: string, base: Partial<Evidence>) => {
    for (const hit of findPersonalData(text)) {
      if (hit.isMasked) continue;
      findings.push(
        finding(
          { indicatorCode: 'D4', ruleId: `D4.${hit.kind}`, status: 'SUSPECTED', points: ctx.edition.D4.points },
          {
            ...base,
            spanStart: hit.start,
            spanEnd: hit.end,
            matchedText: text.slice(hit.start, hit.end),
            details: { kind: hit.kind },
          },
        ),
      );
    }
  };
  // Titles are the account's own text too; reposted text is someone else's and is not scored here.
  for (const p of h.posts) {
    if (p.publishedAt <= from || p.publishedAt > ctx.monitoringAt) continue;
    if (p.title) check(p.title, postEvidence(p, 'title'));
    check(p.text, postEvidence(p, 'text'));
  }
  for (const c of h.comments)
    if (c.isOwnReply && c.publishedAt > from && c.publishedAt <= ctx.monitoringAt) check(c.text, commentEvidence(c));
  return { findings, insufficient: [], notApplicable: [] };
}

/** D4. */
export const personalData = declareDetector({
  fields: { D4: indicatorSection({ points }) },
  vetoFields: {},
  baseline: { D4: { max: 15, points: 5 } },
  vetoBaseline: {},
  since: 1,
  detect: detectPersonalData,
});
