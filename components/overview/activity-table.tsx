import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { ActivityItem } from '@/lib/services/get-overview';
import { usePlatformName } from '@/components/ui/use-platform-name';

type Props = {
  title: string;
  emptyText: string;
  items: ActivityItem[];
  total: number;
  windowDays: number;
  tone: 'bad' | 'warn';
};

export function ActivityTable({ title, emptyText, items, total, windowDays, tone }: Props) {
  const t = useTranslations();
  const platformName = usePlatformName();
  const format = useFormatter();
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      {total > items.length && <p className="hint">{t('overview.showingFirst', { shown: items.length, total })}</p>}
      {items.length === 0 ? (
        <p className="empty">{emptyText}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('overview.account')}</th>
              <th scope="col">{t('overview.platform')}</th>
              <th scope="col">{t('overview.agency')}</th>
              <th scope="col">{t('overview.lastPost')}</th>
              <th scope="col" className="num">
                {t('overview.daysSince')}
              </th>
              <th scope="col" className="num">
                {t('overview.coverage')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.accountId}>
                <td>
                  <Link href={`/accounts/${i.accountId}`}>{i.displayName}</Link>
                </td>
                <td>{platformName(i.platformCode)}</td>
                <td>{i.agencyName}</td>
                <td>
                  {i.lastPostAt
                    ? format.dateTime(new Date(i.lastPostAt), { dateStyle: 'medium', timeStyle: 'short' })
                    : t('overview.noPosts')}
                </td>
                <td className="num">
                  <span className={`badge ${tone}`}>{i.daysSinceLastPost ?? '—'}</span>
                </td>
                <td className="num">
                  <span className={`badge ${i.isCoverageComplete ? 'ok' : 'warn'}`}>
                    {i.coveredDays}/{windowDays}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
