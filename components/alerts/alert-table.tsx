'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { AlertItemDto, AlertKind } from '@/lib/schemas/alert';
import { AlertDetails } from './alert-details';
import { usePlatformName } from '@/components/ui/use-platform-name';

const TONE: Record<AlertKind, 'bad' | 'warn'> = {
  NEARING_STALE: 'warn',
  STALE: 'bad',
  CRAWL_FAILING: 'warn',
  VETO_SUSPECTED: 'bad',
  RECTIFICATION_OVERDUE: 'bad',
  PARSER_DRIFT: 'warn',
};

type Props = {
  items: AlertItemDto[];
  today: string;
  canAcknowledge: boolean;
  selected: Set<string>;
  isPending: boolean;
  onToggle: (id: string) => void;
  onAcknowledge: (ids: string[]) => void;
};

export function AlertTable({ items, today, canAcknowledge, selected, isPending, onToggle, onAcknowledge }: Props) {
  const t = useTranslations();
  const platformName = usePlatformName();
  const format = useFormatter();
  return (
    <table className="stack">
      <thead>
        <tr>
          {canAcknowledge && (
            <th scope="col">
              <span className="skip-link">{t('alerts.select')}</span>
            </th>
          )}
          <th scope="col">{t('alerts.kind')}</th>
          <th scope="col">{t('alerts.account')}</th>
          <th scope="col">{t('alerts.agency')}</th>
          <th scope="col">{t('alerts.when')}</th>
          <th scope="col">{t('alerts.details')}</th>
          {canAcknowledge && <th scope="col">{t('alerts.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {items.map((a) => {
          const isOpen = a.acknowledgedAt === null;
          return (
            <tr key={a.id} data-alert-id={a.id}>
              {canAcknowledge && (
                <td>
                  {isOpen && (
                    <input
                      type="checkbox"
                      checked={selected.has(a.id)}
                      onChange={() => onToggle(a.id)}
                      aria-label={t('alerts.selectOne', { name: a.accountName })}
                    />
                  )}
                </td>
              )}
              <td className="actions" data-label={t('alerts.kind')}>
                <span className={`badge ${TONE[a.kind]}`}>{t(`alerts.kinds.${a.kind}`)}</span>
              </td>
              <td data-label={t('alerts.account')}>
                <Link href={`/accounts/${a.accountId}`}>{a.accountName}</Link>{' '}
                <span className="subtle">{platformName(a.platformCode)}</span>
              </td>
              <td data-label={t('alerts.agency')}>{a.agencyName}</td>
              <td data-label={t('alerts.when')}>
                {format.dateTime(new Date(a.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}
              </td>
              <td data-label={t('alerts.details')}>
                <AlertDetails alert={a} today={today} />
                {a.acknowledgedAt && (
                  <div className="subtle">
                    {a.acknowledgedByName
                      ? t('alerts.acknowledgedBy', {
                          name: a.acknowledgedByName,
                          at: format.dateTime(new Date(a.acknowledgedAt), { dateStyle: 'medium', timeStyle: 'short' }),
                        })
                      : t('alerts.acknowledgedAt', {
                          at: format.dateTime(new Date(a.acknowledgedAt), { dateStyle: 'medium', timeStyle: 'short' }),
                        })}
                  </div>
                )}
              </td>
              {canAcknowledge && (
                <td className="actions">
                  {isOpen && (
                    <button type="button" disabled={isPending} onClick={() => onAcknowledge([a.id])}>
                      {t('alerts.acknowledge')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
