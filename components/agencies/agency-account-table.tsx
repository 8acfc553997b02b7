import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { AgencyAccountRowDto } from '@/lib/data/agency-scorecard';
import { ResultBadge } from '@/components/scores/result-badge';

export function AgencyAccountTable({ rows }: { rows: AgencyAccountRowDto[] }) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <section className="panel" aria-label={t('agency.ownAccounts')}>
      <h2>{t('agency.ownAccounts')}</h2>
      {rows.length === 0 ? (
        <p className="empty">{t('agency.noAccounts')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('overview.account')}</th>
              <th scope="col">{t('overview.platform')}</th>
              <th scope="col">{t('account.filing')}</th>
              <th scope="col">{t('overview.lastPost')}</th>
              <th scope="col">{t('agency.latestResult')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td><Link href={`/accounts/${r.id}`}>{r.displayName}</Link>{r.lifecycle === 'CLOSED' && <span className="badge"> {t('account.lifecycle.CLOSED')}</span>}</td>
                <td>{t(`platforms.${r.platformCode}`)}</td>
                <td>{t(`account.filingStatus.${r.filingStatus}`)}</td>
                <td>{r.lastPostAt ? format.dateTime(new Date(r.lastPostAt), { dateStyle: 'medium' }) : '—'}</td>
                <td>{r.latestResult ? <ResultBadge result={r.latestResult} total={r.latestTotal} /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
