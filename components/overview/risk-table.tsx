import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ResultBadge } from '@/components/scores/result-badge';
import type { LatestResultRow } from '@/lib/data/score-trends';

export function RiskTable({ rows, total }: { rows: LatestResultRow[]; total: number }) {
  const t = useTranslations();
  return (
    <section className="panel" aria-label={t('overview.riskTitle')}>
      <h2>{t('overview.riskTitle')}</h2>
      {total > rows.length && <p className="hint">{t('overview.showingFirst', { shown: rows.length, total })}</p>}
      {rows.length === 0 ? (
        <p className="empty">{t('overview.riskEmpty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('overview.account')}</th>
              <th scope="col">{t('overview.agency')}</th>
              <th scope="col">{t('agency.latestResult')}</th>
              <th scope="col">{t('findings.indicator')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.accountId}>
                <td><Link href={`/accounts/${r.accountId}`}>{r.displayName}</Link></td>
                <td>{r.agencyName}</td>
                <td><ResultBadge result={r.result} total={r.total} /></td>
                <td>{[...r.vetoCodes, ...r.pendingVetoCodes].join('、')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
