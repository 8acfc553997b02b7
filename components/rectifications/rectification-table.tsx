import Link from 'next/link';
import type { ReactNode } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import type { RectificationItemDto } from '@/lib/data/rectifications';
import { indicatorLabel, loose, ruleLabel } from '@/components/ui/code-labels';

export function RectificationTable({
  items,
  renderAction,
}: {
  items: RectificationItemDto[];
  renderAction: (id: string) => ReactNode;
}) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <section className="panel" aria-label={t('rectifications.title')}>
      {items.length === 0 ? (
        <p className="empty">{t('rectifications.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('findings.indicator')}</th>
              <th scope="col">{t('overview.account')}</th>
              <th scope="col">{t('overview.agency')}</th>
              <th scope="col">{t('rectifications.deadline')}</th>
              <th scope="col">{t('rectifications.done')}</th>
              <th scope="col">{t('findings.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td>
                  {indicatorLabel(loose(t), r.indicatorCode)}{' '}
                  <div className="subtle">{ruleLabel(loose(t), r.ruleId)}</div>
                </td>
                <td>
                  <Link href={`/accounts/${r.accountId}`}>{r.accountName}</Link>
                </td>
                <td>{r.agencyName}</td>
                <td>
                  {r.deadline} {r.isOverdue && <span className="badge bad">{t('rectifications.overdue')}</span>}
                </td>
                <td>
                  {r.doneAt ? format.dateTime(new Date(r.doneAt), { dateStyle: 'medium' }) : '—'}
                  {r.isLate && <span className="badge warn">{t('rectifications.late')}</span>}
                  {r.note && <div className="subtle">{r.note}</div>}
                </td>
                <td>{r.doneAt ? null : renderAction(r.id)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
