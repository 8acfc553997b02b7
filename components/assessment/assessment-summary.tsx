import { useFormatter, useTranslations } from 'next-intl';
import type { AnnualAssessmentView } from '@/lib/services/compute-annual-assessment';

const FORMATS = ['pdf', 'xlsx', 'docx'] as const;

/** The unit's score, veto and whether the result is final, with the report and ZIP downloads of the same figures. */
export function AssessmentSummary({ view, locale }: { view: AnnualAssessmentView; locale: string }) {
  const t = useTranslations('assessment');
  const format = useFormatter();
  const a = view.assessment;
  const asOf = format.dateTime(new Date(a.asOf), { dateStyle: 'medium', timeStyle: 'short' });
  const report = (f: string) =>
    `/api/exports?kind=annual&period=${a.year}&agencyId=${a.unitId}&format=${f}&locale=${locale}`;
  const zip = (f: string) =>
    `/api/exports/assessment-zip?year=${a.year}&agencyId=${a.unitId}&format=${f}&locale=${locale}`;
  return (
    <section className="panel assessment-summary" aria-labelledby="assessment-unit">
      <h2 id="assessment-unit">
        {view.unit.name} · {a.year}
      </h2>
      <p className="subtle">
        {view.supervisingOffice && <>{t('supervisingOffice', { name: view.supervisingOffice })} · </>}
        {t('edition', { code: a.editionName })}
      </p>
      <div className="cards">
        <div className={`card${a.vetoed ? ' bad' : ''}`}>
          <div className="label">{t('scoreLabel')}</div>
          <div className="value" data-testid="assessment-score">
            {t('score', { score: a.score, max: a.maxScore })}
          </div>
        </div>
        <div className={`card${a.vetoed ? ' bad' : ''}`}>
          <div className="label">{t('items.A0')}</div>
          <div className="value assessment-veto">{a.vetoed ? t('vetoed') : t('notVetoed')}</div>
        </div>
      </div>
      <p role="note">{a.isFinal ? t('final', { year: a.year, asOf }) : t('provisional', { year: a.year, asOf })}</p>
      {a.hasInsufficientData && (
        <p className="error" role="note">
          {t('insufficient')}
        </p>
      )}
      <h3>{t('downloads')}</h3>
      <ul className="chips assessment-downloads">
        {FORMATS.map((f) => (
          <li key={f}>
            <a className="chip" href={report(f)}>
              {t('downloadReport', { format: f.toUpperCase() })}
            </a>
          </li>
        ))}
        {view.children.length > 0 && (
          <li>
            <a className="chip" href={zip('xlsx')}>
              {t('downloadZip', { format: 'XLSX' })}
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}
