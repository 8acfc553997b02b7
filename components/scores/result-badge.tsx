import { useTranslations } from 'next-intl';

const TONE: Record<string, string> = { PASS: 'ok', FAIL_SCORE: 'bad', FAIL_VETO: 'bad', AT_RISK: 'warn', INSUFFICIENT_DATA: '' };

export function ResultBadge({ result, total }: { result: string; total?: number | null }) {
  const t = useTranslations('results');
  return (
    <span className={`badge ${TONE[result] ?? ''}`}>
      {t(result)}
      {total !== null && total !== undefined && result !== 'INSUFFICIENT_DATA' ? ` · ${Math.round(total * 10) / 10}` : ''}
    </span>
  );
}
