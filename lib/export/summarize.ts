import type {
  ExportAccountRow,
  ExportFinding,
  ExportInsufficientRow,
  ExportQuarter,
  ExportSummary,
  ExportZombie,
} from '@/lib/schemas/export-document';
import { countResults } from '@/lib/scoring/figures/results';

const countBy = (codes: string[]) =>
  [...codes.reduce((m, c) => m.set(c, (m.get(c) ?? 0) + 1), new Map<string, number>())]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => a.code.localeCompare(b.code));

/**
 * Summary figures. Counts are per result (one per account and quarter, so a year counts an account once per
 * quarter); accountsInspected counts distinct accounts. INSUFFICIENT_DATA results are neither passes nor failures.
 */
export function summarize(args: {
  accounts: ExportAccountRow[];
  insufficientData: ExportInsufficientRow[];
  findings: ExportFinding[];
  suspected: Array<{ indicatorCode: string }>;
  zombies: ExportZombie[];
}): ExportSummary {
  const { accounts, insufficientData, findings } = args;
  const results = countResults([...accounts.map((a) => a.result), ...insufficientData.map(() => 'INSUFFICIENT_DATA')]);
  const rectifications = findings.flatMap((f) => (f.rectification ? [f.rectification] : []));
  return {
    accountsInspected: new Set([...accounts, ...insufficientData].map((a) => a.accountId)).size,
    scored: results.scored,
    passed: results.passed,
    failedScore: results.failedScore,
    vetoed: results.vetoed,
    atRisk: results.atRisk,
    insufficientData: results.insufficientData,
    passRate: results.passRate,
    vetoesByIndicator: countBy(accounts.flatMap((a) => a.vetoCodes)),
    zombieAccounts: args.zombies.length,
    persistentZombieAccounts: args.zombies.filter((z) => z.isPersistent).length,
    confirmedFindings: findings.length,
    informationalFindings: findings.filter((f) => f.isInformational).length,
    pendingReviewFindings: args.suspected.length,
    pendingReviewByIndicator: countBy(args.suspected.map((f) => f.indicatorCode)),
    rectifications: {
      total: rectifications.length,
      open: rectifications.filter((r) => !r.doneAt).length,
      overdue: rectifications.filter((r) => r.isOverdue).length,
      done: rectifications.filter((r) => r.doneAt).length,
      late: rectifications.filter((r) => r.isLate).length,
    },
  };
}

/** Quarter-by-quarter figures of the period (every quarter listed, inspected or not). */
export function summarizeQuarters(
  quarters: string[],
  accounts: ExportAccountRow[],
  insufficientData: ExportInsufficientRow[],
): ExportQuarter[] {
  return quarters.map((quarter) => {
    const rows = accounts.filter((a) => a.quarter === quarter);
    const missing = insufficientData.filter((a) => a.quarter === quarter);
    const results = countResults([...rows.map((a) => a.result), ...missing.map(() => 'INSUFFICIENT_DATA')]);
    return {
      quarter,
      accountsInspected: rows.length + missing.length,
      scored: results.scored,
      passed: results.passed,
      vetoed: results.vetoed,
      insufficientData: results.insufficientData,
      passRate: results.passRate,
    };
  });
}
