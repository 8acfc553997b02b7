import type {
  ExportAccountRow,
  ExportFinding,
  ExportInsufficientRow,
  ExportQuarter,
  ExportSummary,
  ExportZombie,
} from '@/lib/schemas/export-document';

const countBy = (codes: string[]) =>
  [...codes.reduce((m, c) => m.set(c, (m.get(c) ?? 0) + 1), new Map<string, number>())]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => a.code.localeCompare(b.code));

const rate = (passed: number, scored: number) => (scored === 0 ? null : passed / scored);

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
  const of = (result: string) => accounts.filter((a) => a.result === result).length;
  const rectifications = findings.flatMap((f) => (f.rectification ? [f.rectification] : []));
  return {
    accountsInspected: new Set([...accounts, ...insufficientData].map((a) => a.accountId)).size,
    scored: accounts.length,
    passed: of('PASS'),
    failedScore: of('FAIL_SCORE'),
    vetoed: of('FAIL_VETO'),
    atRisk: of('AT_RISK'),
    insufficientData: insufficientData.length,
    passRate: rate(of('PASS'), accounts.length),
    vetoesByIndicator: countBy(accounts.flatMap((a) => a.vetoCodes)),
    zombieAccounts: args.zombies.length,
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
export function summarizeQuarters(quarters: string[], accounts: ExportAccountRow[], insufficientData: ExportInsufficientRow[]): ExportQuarter[] {
  return quarters.map((quarter) => {
    const rows = accounts.filter((a) => a.quarter === quarter);
    const missing = insufficientData.filter((a) => a.quarter === quarter);
    const passed = rows.filter((a) => a.isPass).length;
    return {
      quarter,
      accountsInspected: rows.length + missing.length,
      scored: rows.length,
      passed,
      vetoed: rows.filter((a) => a.result === 'FAIL_VETO').length,
      insufficientData: missing.length,
      passRate: rate(passed, rows.length),
    };
  });
}
