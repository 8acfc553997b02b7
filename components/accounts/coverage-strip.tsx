import { useTranslations } from 'next-intl';
import type { CoverageCellDto } from '@/lib/data/account-detail';

export function CoverageStrip({ cells }: { cells: CoverageCellDto[] }) {
  const t = useTranslations('account.coverage');
  const covered = cells.filter((c) => c.status === 'COVERED').length;
  return (
    <section className="panel" aria-label={t('title')}>
      <h2>{t('title')}</h2>
      <p className="subtle">{t('summary', { covered, total: cells.length })}</p>
      <ol className="coverage-strip">
        {cells.map((c) => (
          <li
            key={c.day}
            className={`cov-${c.status.toLowerCase()}`}
            title={`${c.day} ${t(c.status)}${c.errorKind ? ` (${c.errorKind})` : ''}`}
            aria-label={`${c.day} ${t(c.status)}`}
          />
        ))}
      </ol>
      <div className="legend">
        <span className="cov-covered" /> {t('COVERED')} <span className="cov-failed" /> {t('FAILED')} <span className="cov-none" /> {t('NONE')}
      </div>
    </section>
  );
}
