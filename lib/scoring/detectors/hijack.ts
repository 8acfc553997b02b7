import { z } from 'zod';
import { days, declareDetector } from '../declaration';
import { finding, postEvidence } from '../finding';
import { DAY_MS, HOUR_MS } from '@/lib/time';
import type { AccountHistory, DetectorResult, Finding, ScoringContext } from '../types';

/** A filing may be recorded somewhat before or after the change is seen on the platform. */
const FILING_TOLERANCE_MS = 30 * DAY_MS;

/** V1.4 账号被盗用: spam in a burst after long silence, or a profile change not covered by a filed change. */
export function detectHijack(h: AccountHistory, ctx: ScoringContext): DetectorResult {
  const findings: Finding[] = [];
  const rule = ctx.edition.veto.V1_4;
  if (!rule.enabled || h.account.isApp) return { findings, insufficient: [], notApplicable: [] };
  const at = ctx.monitoringAt;
  const posts = h.posts
    .filter((p) => !p.isPinned && p.publishedAt <= at)
    .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
  for (let i = 0; i < posts.length; i += 1) {
    const first = posts[i];
    if (!first) continue;
    const previous = posts[i - 1];
    const isAfterSilence =
      !previous || first.publishedAt.getTime() - previous.publishedAt.getTime() >= rule.silenceDays * DAY_MS;
    if (!isAfterSilence) continue;
    const burst = posts.filter(
      (p) =>
        p.publishedAt >= first.publishedAt &&
        p.publishedAt.getTime() - first.publishedAt.getTime() <= rule.burstHours * HOUR_MS,
    );
    const hasSpam = burst.some((p) => ctx.matcher.search(p.text).some((m) => m.entry.category === 'COMMERCIAL_SPAM'));
    if (burst.length >= rule.burstItems && hasSpam) {
      findings.push(
        finding(
          { indicatorCode: 'V1.4', ruleId: 'V1.4.SPAM_BURST', status: 'SUSPECTED', points: 0, isVeto: true },
          {
            ...postEvidence(first, 'text'),
            details: {
              items: burst.length,
              silentDays: previous
                ? Math.floor((first.publishedAt.getTime() - previous.publishedAt.getTime()) / DAY_MS)
                : null,
            },
          },
        ),
      );
    }
  }
  const snaps = h.snapshots.filter((s) => s.takenAt <= at).sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  for (let i = 1; i < snaps.length; i += 1) {
    const [prev, cur] = [snaps[i - 1], snaps[i]];
    if (!prev || !cur) continue;
    const changed = [
      prev.displayName !== cur.displayName ? 'displayName' : null,
      prev.avatarHash && cur.avatarHash && prev.avatarHash !== cur.avatarHash ? 'avatarHash' : null,
      prev.isVerified === true && cur.isVerified === false ? 'isVerified' : null,
    ].filter((f): f is string => f !== null);
    // Profiles may be read months apart: a change filed between the two readings (± the tolerance) covers it.
    const filed = h.filedChanges
      .filter(
        (c) =>
          c.effectiveAt.getTime() >= prev.takenAt.getTime() - FILING_TOLERANCE_MS &&
          c.effectiveAt.getTime() <= cur.takenAt.getTime() + FILING_TOLERANCE_MS,
      )
      .flatMap((c) => c.fields);
    const unfiled = changed.filter((f) => !filed.includes(f));
    if (unfiled.length) {
      findings.push(
        finding(
          {
            indicatorCode: 'V1.4',
            ruleId: 'V1.4.UNFILED_PROFILE_CHANGE',
            status: 'SUSPECTED',
            points: 0,
            isVeto: true,
          },
          {
            sourceType: 'SNAPSHOT',
            sourceId: cur.id,
            publishedAt: cur.takenAt,
            matchedText: `${prev.displayName} → ${cur.displayName}`,
            details: { fields: unfiled.join(',') },
          },
        ),
      );
    }
  }
  return { findings, insufficient: [], notApplicable: [] };
}

/** V1.4. */
export const hijack = declareDetector({
  fields: {},
  vetoFields: {
    V1_4: z.object({
      enabled: z.boolean(),
      burstItems: z.number().int().min(2),
      burstHours: z.number().min(1),
      silenceDays: days,
    }),
  },
  baseline: {},
  vetoBaseline: { V1_4: { enabled: true, burstItems: 10, burstHours: 24, silenceDays: 30 } },
  since: 1,
  detect: detectHijack,
});
