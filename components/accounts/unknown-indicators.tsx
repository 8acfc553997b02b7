import { useTranslations } from 'next-intl';

/** One indicator of the latest score as stored (lib/services/figures/score IndicatorFigure). */
type Indicator = { code: string; status: string; reason?: string; reasonDetails?: Record<string, unknown> };

// Every placeholder a reason message may use, so a row missing a detail still renders (as "?").
const PLACEHOLDERS = {
  missingDays: '?',
  windowDays: '?',
  commentsNotReadDays: '?',
  confirmHours: '?',
  links: '?',
  unchecked: '?',
  failedOnce: '?',
  readThroughAt: '?',
  unreadHours: '?',
};
const isValue = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';

/**
 * Indicators the latest inspection could not decide because the crawls did not read what they need, with the reason
 * (docs/scoring.md "What counts as read"); a HIT with a reason had some of its rules undecidable.
 */
export function UnknownIndicators({ indicators }: { indicators: readonly Indicator[] }) {
  const t = useTranslations();
  const rows = indicators.filter((i) => i.status === 'INSUFFICIENT_DATA' || (i.status === 'HIT' && i.reason));
  if (rows.length === 0) return null;
  const reasonText = (i: Indicator) => {
    const key = `account.unknown.reasons.${i.reason ?? 'NONE'}`;
    if (!t.has(key)) return i.reason ?? t('account.unknown.reasons.NONE');
    const details = Object.fromEntries(Object.entries(i.reasonDetails ?? {}).filter(([, v]) => isValue(v))) as Record<
      string,
      string | number
    >;
    return t(key, { ...PLACEHOLDERS, ...details });
  };
  return (
    <section className="panel" aria-label={t('account.unknown.title')} data-testid="account-unknown-indicators">
      <h2>{t('account.unknown.title')}</h2>
      <p className="subtle">{t('account.unknown.intro')}</p>
      <ul>
        {rows.map((i) => (
          <li key={i.code} data-code={i.code} data-reason={i.reason ?? ''}>
            <strong>{i.code}</strong>{' '}
            {t.has(`findings.indicators.${i.code.replace('.', '_')}`)
              ? t(`findings.indicators.${i.code.replace('.', '_')}`)
              : ''}{' '}
            <span className="badge warn">
              {i.status === 'HIT' ? t('account.unknown.partial') : t('results.INSUFFICIENT_DATA')}
            </span>{' '}
            {reasonText(i)}
          </li>
        ))}
      </ul>
    </section>
  );
}
