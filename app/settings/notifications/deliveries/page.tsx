import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/ui/pagination';
import { REVIEW_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { DELIVERY_STATUSES } from '@/lib/schemas/notification';
import { listDeliveries } from '@/lib/services/list-deliveries';

export const dynamic = 'force-dynamic';

const BADGE = { SENT: 'ok', DEAD: 'bad', RETRYING: 'warn', QUEUED: '', PENDING: '' } as const;

export default async function DeliveryLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requirePageAccess(REVIEW_ROLES);
  const data = await listDeliveries({ access, params: await searchParams });
  const [t, tc, format] = await Promise.all([
    getTranslations('notifications'),
    getTranslations('common'),
    getFormatter(),
  ]);
  const when = (iso: string) => (
    <time dateTime={iso}>{format.dateTime(new Date(iso), { dateStyle: 'short', timeStyle: 'medium' })}</time>
  );
  const hrefFor = (status: string, page = 1) => {
    const q = new URLSearchParams();
    if (status !== 'ALL') q.set('status', status);
    if (page > 1) q.set('page', String(page));
    return `/settings/notifications/deliveries${q.size ? `?${q}` : ''}`;
  };
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <>
      <h1>{t('deliveryLog')}</h1>
      <p className="subtle">
        {t('deliveryIntro')} <Link href="/settings/notifications">{t('title')}</Link>
      </p>
      <nav className="chips" aria-label={t('status')}>
        {(['ALL', ...DELIVERY_STATUSES] as const).map((s) => (
          <Link key={s} href={hrefFor(s)} className="chip" aria-current={data.status === s ? 'page' : undefined}>
            {t(`statuses.${s}`)}
          </Link>
        ))}
      </nav>
      <section className="panel" aria-label={t('deliveryLog')}>
        {data.items.length === 0 ? (
          <p className="empty">{t('noDeliveries')}</p>
        ) : (
          <table className="stack" data-testid="delivery-table">
            <thead>
              <tr>
                <th scope="col">{t('createdAt')}</th>
                <th scope="col">{t('message')}</th>
                <th scope="col">{t('channel')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('tries')}</th>
                <th scope="col">{t('responseCode')}</th>
                <th scope="col">{t('latency')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((d) => (
                <tr key={d.id} data-status={d.status}>
                  <td data-label={t('createdAt')}>{when(d.createdAt)}</td>
                  <td data-label={t('message')}>
                    {t(`deliveryKinds.${d.kind}`)}：{d.title}
                  </td>
                  <td data-label={t('channel')}>
                    {d.channelLabel}（{t(`kinds.${d.channelKind}`)}）
                  </td>
                  <td data-label={t('status')}>
                    <span className={`badge ${BADGE[d.status]}`}>{t(`statuses.${d.status}`)}</span>
                    {d.lastError ? <span className="subtle"> {d.lastError}</span> : null}
                  </td>
                  <td data-label={t('tries')}>
                    {d.tries.length === 0 ? (
                      '—'
                    ) : (
                      <ol className="tries">
                        {d.tries.map((a) => (
                          <li key={a.attempt}>
                            {when(a.startedAt)} ·{' '}
                            {a.ok === null ? t('sending') : a.ok ? t('triesOk') : t('triesFailed')}
                            {a.statusCode !== null ? ` · ${a.statusCode}` : ''}
                            {a.latencyMs !== null ? ` · ${a.latencyMs} ms` : ''}
                          </li>
                        ))}
                      </ol>
                    )}
                  </td>
                  <td data-label={t('responseCode')}>{d.lastStatusCode ?? '—'}</td>
                  <td data-label={t('latency')}>{d.lastLatencyMs !== null ? `${d.lastLatencyMs} ms` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        hrefFor={(page) => hrefFor(data.status, page)}
        labels={{ previous: tc('previous'), next: tc('next'), summary: tc('pageOf', { page: data.page, pages }) }}
      />
    </>
  );
}
