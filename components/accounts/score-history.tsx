import { useFormatter, useTranslations } from 'next-intl';
import { ResultBadge } from '@/components/scores/result-badge';
import type { AccountScoreItem } from '@/lib/services/get-account-detail';

export function ScoreHistory({ scores }: { scores: AccountScoreItem[] }) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <section className="panel" aria-label={t('account.scores.title')}>
      <h2>{t('account.scores.title')}</h2>
      {scores.length === 0 ? (
        <p className="empty">{t('account.scores.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('inspections.name')}</th>
              <th scope="col">{t('inspections.monitoringAt')}</th>
              <th scope="col">{t('inspections.edition')}</th>
              <th scope="col">{t('account.scores.result')}</th>
              <th scope="col" className="num">
                {t('account.scores.coverage')}
              </th>
            </tr>
          </thead>
          <tbody>
            {scores.map((s) => (
              <tr key={s.inspectionId}>
                <td>{s.inspectionName}</td>
                <td>{format.dateTime(new Date(s.monitoringAt), { dateStyle: 'medium', timeStyle: 'short' })}</td>
                <td title={s.editionCode}>{s.editionName}</td>
                <td data-testid="score-result">
                  <ResultBadge result={s.result} reportedScore={s.reportedScore} />{' '}
                  {[...s.vetoCodes, ...s.pendingVetoCodes].join('、')}
                  {s.isVetoed && s.isScored && (
                    <span className="subtle"> {t('account.scores.computed', { total: s.total })}</span>
                  )}
                  {s.bonus > 0 && <span className="subtle"> {t('account.scores.bonus', { bonus: s.bonus })}</span>}
                </td>
                <td className="num" data-testid="score-coverage">
                  {s.coverage.coveredDays !== null && s.coverage.windowDays !== null
                    ? t('account.scores.coverageCell', { covered: s.coverage.coveredDays, days: s.coverage.windowDays })
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
