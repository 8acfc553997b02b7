import { useTranslations } from 'next-intl';
import { crawlErrorLabel, loose } from '@/components/ui/code-labels';
import type { CoverageCellDto } from '@/lib/data/account-detail';

/** Crawl coverage of the last `days` days (the account page's own window, not an inspection's V2 window). */
export function CoverageStrip({ cells, days }: { cells: CoverageCellDto[]; days: number }) {
  const t = useTranslations('account.coverage');
  const tAll = useTranslations();
  const covered = cells.filter((c) => c.status === 'COVERED').length;
  return (
    <section className="panel" aria-label={t('title', { days })}>
      <h2>{t('title', { days })}</h2>
      <p className="subtle" data-testid="coverage-summary">
        {t('summary', { covered, total: cells.length })}
      </p>
      <ol className="coverage-strip">
        {cells.map((c) => (
          <li
            key={c.day}
            className={`cov-${c.status.toLowerCase()}`}
            title={`${c.day} ${t(c.status)}${c.errorKind ? ` (${crawlErrorLabel(loose(tAll), c.errorKind)})` : ''}`}
            aria-label={`${c.day} ${t(c.status)}`}
          />
        ))}
      </ol>
      <div className="legend">
        <span className="cov-covered" /> {t('COVERED')} <span className="cov-partial" /> {t('PARTIAL')}{' '}
        <span className="cov-failed" /> {t('FAILED')} <span className="cov-none" /> {t('NONE')}
      </div>
    </section>
  );
}
