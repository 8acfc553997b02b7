import { useFormatter, useTranslations } from 'next-intl';
import { ResultBadge } from '@/components/scores/result-badge';
import type { AccountScoreRowDto } from '@/lib/data/account-scores';

export function ScoreHistory({ scores }: { scores: AccountScoreRowDto[] }) {
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
              <th scope="col">{t('agency.latestResult')}</th>
              <th scope="col" className="num">{t('account.coverage.title')}</th>
            </tr>
          </thead>
          <tbody>
            {scores.map((s) => (
              <tr key={s.inspectionId}>
                <td>{s.inspectionName}</td>
                <td>{format.dateTime(new Date(s.monitoringAt), { dateStyle: 'medium', timeStyle: 'short' })}</td>
                <td>{s.editionCode}</td>
                <td data-testid="score-result"><ResultBadge result={s.result} total={s.total} /> {[...s.vetoCodes, ...s.pendingVetoCodes].join('、')}
                  {s.bonus > 0 && <span className="subtle"> {t('account.scores.bonus', { bonus: s.bonus })}</span>}</td>
                <td className="num">{s.coveredDays !== null && s.windowDays !== null ? `${s.coveredDays}/${s.windowDays}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
