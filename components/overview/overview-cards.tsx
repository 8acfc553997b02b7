import { useFormatter, useTranslations } from 'next-intl';
import type { OverviewDto } from '@/lib/services/get-overview';
import './overview.css';
import { usePlatformName } from '@/components/ui/use-platform-name';

/**
 * The headline: the pass rate first and largest (with its change on the previous quarter), then the three counts
 * that need someone's attention; what is monitored goes into one quiet line instead of equal-weight cards.
 */
export function OverviewCards({ overview }: { overview: OverviewDto }) {
  const t = useTranslations('overview');
  const platformName = usePlatformName();
  const format = useFormatter();
  const { counts, latest, trend } = overview;
  const percent = (v: number | null) =>
    v === null ? '—' : format.number(v, { style: 'percent', maximumFractionDigits: 1 });
  const [previous, current] = trend.slice(-2).map((p) => p.passRate);
  const change =
    trend.length >= 2 && previous !== null && previous !== undefined && current !== null && current !== undefined
      ? Math.round((current - previous) * 1000) / 10
      : null;
  const failing = latest.scored - latest.passed;
  return (
    <>
      <section className="cards headline" aria-label={t('title')}>
        <div className={`card hero ${latest.passRate !== null && latest.passRate < 0.9 ? 'warn' : ''}`}>
          <div className="label">{t('passRate')}</div>
          <div className="value">{percent(latest.passRate)}</div>
          <div className="sub">{t('passRateOf', { passed: latest.passed, scored: latest.scored })}</div>
          {change !== null && (
            <div className="sub">
              {change > 0
                ? t('changeUp', { points: change })
                : change < 0
                  ? t('changeDown', { points: -change })
                  : t('changeSame')}
            </div>
          )}
          {latest.insufficientData > 0 && (
            <div className="sub">{t('insufficientApart', { count: latest.insufficientData })}</div>
          )}
        </div>
        <div className={`card ${failing ? 'bad' : ''}`}>
          <div className="label">{t('failing')}</div>
          <div className="value">{format.number(failing)}</div>
          <div className="sub">
            {t('failingParts', { vetoed: latest.vetoed, atRisk: latest.atRisk, failedScore: latest.failedScore })}
          </div>
        </div>
        <div className={`card ${latest.zombies ? 'bad' : ''}`}>
          <div className="label">{t('zombies')}</div>
          <div className="value">{format.number(latest.zombies)}</div>
        </div>
        <div className={`card ${overview.staleCount ? 'warn' : ''}`}>
          <div className="label">{t('stale', { days: overview.staleAfterDays })}</div>
          <div className="value">{format.number(overview.staleCount)}</div>
          {overview.nearingCount > 0 && <div className="sub">{t('staleParts', { count: overview.nearingCount })}</div>}
        </div>
      </section>
      <p className="subtle scope-line">
        <strong>{t('scopeLine')}</strong> {t('agencies')} {format.number(counts.agencies)} · {t('accounts')}{' '}
        {format.number(counts.accounts)}
        {counts.accountsByPlatform.length > 0 &&
          `（${counts.accountsByPlatform.map((p) => `${platformName(p.platformCode)} ${p.count}`).join(' · ')}）`}{' '}
        · {t('posts60')} {format.number(counts.posts60)} · {t('comments60')} {format.number(counts.comments60)} ·{' '}
        {t('coverageWindow', { days: overview.staleAfterDays })} {percent(overview.windowCoverage)}
      </p>
    </>
  );
}
