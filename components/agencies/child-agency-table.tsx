import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { SubtreeStatsDto } from '@/lib/data/agency-scorecard';

export function ChildAgencyTable({ rows }: { rows: SubtreeStatsDto[] }) {
  const t = useTranslations('agency');
  const format = useFormatter();
  if (rows.length === 0) return null;
  return (
    <section className="panel" aria-label={t('children')}>
      <h2>{t('children')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('level')}</th>
            <th scope="col" className="num">{t('accounts')}</th>
            <th scope="col" className="num">{t('stale')}</th>
            <th scope="col" className="num">{t('passRate')}</th>
            <th scope="col" className="num">{t('vetoes')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.agencyId}>
              <td><Link href={`/agencies/${r.agencyId}`}>{r.name}</Link></td>
              <td>{t(`levels.${r.level}`)}</td>
              <td className="num">{r.accounts}</td>
              <td className="num">{r.staleAccounts > 0 ? <span className="badge bad">{r.staleAccounts}</span> : 0}</td>
              <td className="num">{r.latestPassRate === null ? '—' : format.number(r.latestPassRate, { style: 'percent', maximumFractionDigits: 1 })}</td>
              <td className="num">{r.latestVetoes > 0 ? <span className="badge bad">{r.latestVetoes}</span> : 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
