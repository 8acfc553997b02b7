import { z } from 'zod';
import { declareDetector, indicatorSection, points } from '../declaration';
import { finding } from '../finding';
import type { AccountHistory, DetectorResult, Finding, ScoringContext } from '../types';

function matchesNamingRule(name: string, rule: string | null): boolean {
  if (!rule) return true;
  try {
    return new RegExp(rule, 'u').test(name);
  } catch {
    // An invalid rule is an admin data error; it must not fail every account it applies to.
    return true;
  }
}

/** D8 账号管理: filing, naming rule, platform verification, extra accounts per agency and platform, 同质化 content. */
export function detectAccountManagement(h: AccountHistory, ctx: ScoringContext): DetectorResult {
  const findings: Finding[] = [];
  const { D8 } = ctx.edition;
  if (!D8.enabled) return { findings, insufficient: [], notApplicable: [] };
  const hit = (ruleId: string, points: number, details: Record<string, string | number | boolean | null>) =>
    findings.push(
      finding(
        { indicatorCode: 'D8', ruleId, status: 'CONFIRMED', points },
        { sourceType: 'ACCOUNT', sourceId: h.account.id, details },
      ),
    );
  if (h.account.filingStatus !== 'FILED') hit('D8.UNFILED', D8.unfiledPoints, { filingStatus: h.account.filingStatus });
  if (!matchesNamingRule(h.account.displayName, h.account.namingRule))
    hit('D8.NAMING_RULE', D8.namingPoints, { rule: h.account.namingRule });
  const latest = [...h.snapshots]
    .filter((s) => s.takenAt <= ctx.monitoringAt)
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime())[0];
  if (!h.account.isApp && latest?.isVerified === false) hit('D8.UNVERIFIED', D8.unverifiedPoints, {});
  if (!h.account.isFirstOfAgencyPlatform)
    hit('D8.EXTRA_ACCOUNT', D8.extraAccountPoints, { platform: h.account.platformCode });
  if (h.nearDuplicateShare > D8.duplicateShare)
    hit('D8.DUPLICATE_CONTENT', D8.duplicateContentPoints, { share: Math.round(h.nearDuplicateShare * 100) / 100 });
  return { findings, insufficient: [], notApplicable: [] };
}

/** D8. */
export const accountManagement = declareDetector({
  fields: {
    D8: indicatorSection({
      unfiledPoints: points,
      namingPoints: points,
      unverifiedPoints: points,
      extraAccountPoints: points,
      duplicateContentPoints: points,
      duplicateShare: z.number().min(0).max(1),
    }),
  },
  vetoFields: {},
  baseline: {
    D8: {
      max: 15,
      unfiledPoints: 5,
      namingPoints: 3,
      unverifiedPoints: 3,
      extraAccountPoints: 2,
      duplicateContentPoints: 2,
      duplicateShare: 0.6,
    },
  },
  vetoBaseline: {},
  since: 1,
  detect: detectAccountManagement,
});
