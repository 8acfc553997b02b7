import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { InspectionListItem } from '@/lib/schemas/inspection';
import { InspectionStatus } from './inspection-status';

export function InspectionTable({ items }: { items: InspectionListItem[] }) {
  const t = useTranslations('inspections');
  const format = useFormatter();
  return (
    <section className="panel" aria-label={t('list')}>
      <h2>{t('list')}</h2>
      {items.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('monitoringAt')}</th>
              <th scope="col">{t('scope')}</th>
              <th scope="col">{t('edition')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col" className="num">
                {t('accounts')}
              </th>
              <th scope="col" className="num">
                {t('passRate')}
              </th>
              <th scope="col" className="num">
                {t('vetoed')}
              </th>
              <th scope="col" className="num">
                {t('atRisk')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => {
              const scored = i.accounts - i.insufficient;
              return (
                <tr key={i.id}>
                  <td>
                    <Link href={`/findings?status=ALL&inspectionId=${i.id}`}>{i.name}</Link>
                  </td>
                  <td>{format.dateTime(new Date(i.monitoringAt), { dateStyle: 'medium', timeStyle: 'short' })}</td>
                  <td>
                    {i.scopeAgencyName}
                    {i.scope === 'SAMPLE' &&
                      i.sampleRatio !== null &&
                      ` · ${t('sample', { ratio: Math.round(i.sampleRatio * 100) })}`}
                  </td>
                  <td title={i.editionCode}>{i.editionName}</td>
                  <td>
                    <InspectionStatus item={i} />
                    {i.status === 'DONE' && i.awaitingRead > 0 && (
                      <p className="subtle">
                        {t(i.settlesAutomatically ? 'awaitingRead' : 'awaitingReadManual', { count: i.awaitingRead })}
                      </p>
                    )}
                  </td>
                  <td className="num">{i.accounts}</td>
                  <td className="num">
                    {scored > 0
                      ? format.number(i.passed / scored, { style: 'percent', maximumFractionDigits: 1 })
                      : '—'}
                  </td>
                  <td className="num">{i.vetoed}</td>
                  <td className="num">{i.atRisk}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
