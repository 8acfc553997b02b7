import { useTranslations } from 'next-intl';

const TONE: Record<string, string> = {
  PASS: 'ok',
  FAIL_SCORE: 'bad',
  FAIL_VETO: 'bad',
  AT_RISK: 'warn',
  INSUFFICIENT_DATA: '',
};

/** A result with its reported score (通报得分, lib/services/figures/score.ts): the number the notice prints. */
export function ResultBadge({ result, reportedScore }: { result: string; reportedScore?: number | null }) {
  const t = useTranslations('results');
  return (
    <span className={`badge ${TONE[result] ?? ''}`}>
      {t(result)}
      {reportedScore !== null && reportedScore !== undefined && result !== 'INSUFFICIENT_DATA'
        ? ` · ${Math.round(reportedScore * 10) / 10}`
        : ''}
    </span>
  );
}
