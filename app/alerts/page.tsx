import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/ui/pagination';
import { hasRole, READ_ROLES, REVIEW_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { ALERT_KINDS, alertFilterSchema, alertSearchParams, type AlertFilter } from '@/lib/schemas/alert';
import { ALERTS_PAGE_SIZE, listAlerts } from '@/lib/services/list-alerts';
import { shanghaiDay } from '@/lib/time';
import { AlertsView } from './view';

export const dynamic = 'force-dynamic';

const hrefFor = (filter: Partial<AlertFilter>) => {
  const search = alertSearchParams(filter);
  return search ? `/alerts?${search}` : '/alerts';
};

export default async function AlertsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requirePageAccess(READ_ROLES);
  const filter = alertFilterSchema.parse(await searchParams);
  const data = await listAlerts({ access, filter });
  const t = await getTranslations();
  const pages = Math.max(1, Math.ceil(data.total / ALERTS_PAGE_SIZE));
  return (
    <>
      <h1>{t('alerts.title')}</h1>
      <nav className="chips" aria-label={t('alerts.filter')}>
        {(['ALL', ...ALERT_KINDS] as const).map((kind) => (
          <Link
            key={kind}
            href={hrefFor({ ...filter, kind, page: 1 })}
            className="chip"
            aria-current={filter.kind === kind ? 'page' : undefined}
          >
            {t(`alerts.kinds.${kind}`)}
          </Link>
        ))}
        <Link href={hrefFor({ ...filter, acknowledged: !filter.acknowledged, page: 1 })} className="chip">
          {filter.acknowledged ? t('alerts.hideAcknowledged') : t('alerts.showAcknowledged')}
        </Link>
      </nav>
      <p className="subtle">{t('alerts.total', { total: data.total })}</p>
      {data.items.length === 0 ? (
        <section className="panel" aria-label={t('alerts.title')}>
          <p className="empty">{filter.acknowledged ? t('alerts.emptyAll') : t('alerts.empty')}</p>
        </section>
      ) : (
        <AlertsView items={data.items} today={shanghaiDay(new Date())} canAcknowledge={hasRole(access, REVIEW_ROLES)} />
      )}
      <Pagination
        page={filter.page}
        pageSize={ALERTS_PAGE_SIZE}
        total={data.total}
        hrefFor={(page) => hrefFor({ ...filter, page })}
        labels={{
          previous: t('common.previous'),
          next: t('common.next'),
          summary: t('common.pageOf', { page: filter.page, pages }),
        }}
      />
    </>
  );
}
