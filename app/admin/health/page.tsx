import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { EndpointHealthChart } from '@/components/charts/endpoint-health-chart';
import { ADMIN_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { platformName } from '@/lib/platforms';
import { getEndpointHealth, HEALTH_DAYS } from '@/lib/services/get-endpoint-health';
import { PARSER_DRIFT_THRESHOLD } from '@/lib/services/raise-alerts';
import { shanghaiWallClock } from '@/lib/time';

export const dynamic = 'force-dynamic';

// Hours are shown as Asia/Shanghai wall time (MM-DD HH:00).
const shanghaiHour = (iso: string) =>
  shanghaiWallClock(new Date(iso)).toISOString().slice(5, 13).replace('T', ' ') + ':00';

export default async function AdminHealthPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requirePageAccess(ADMIN_ROLES);
  const selectedParam = (await searchParams).endpoint;
  const threshold = Number.parseInt(process.env.PARSER_DRIFT_THRESHOLD ?? '', 10);
  const health = await getEndpointHealth({
    access,
    now: new Date(),
    selected: typeof selectedParam === 'string' ? selectedParam : null,
    threshold: threshold > 0 ? threshold : PARSER_DRIFT_THRESHOLD,
  });
  const [t, locale] = await Promise.all([getTranslations('admin.health'), getLocale()]);
  const platformLabel = (code: string) => platformName(code, locale);
  const labels = {
    requests: t('requests'),
    successes: t('successes'),
    blocked: t('blocked'),
    parseFailures: t('parseFailures'),
    droppedItems: t('droppedItems'),
  };
  const selected = health.endpoints.find((e) => e.key === health.selected);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="subtle">
        {t('explain', { days: HEALTH_DAYS, threshold: health.threshold, hours: health.windowHours })}
      </p>
      <section className="panel" aria-label={t('chart')}>
        <h2>{selected ? t('chartOne', { endpoint: selected.endpoint }) : t('chartAll')}</h2>
        {selected && (
          <p>
            <Link href="/admin/health">{t('showAll')}</Link>
          </p>
        )}
        <EndpointHealthChart
          points={health.series.map((p) => ({ ...p, label: shanghaiHour(p.hour) }))}
          labels={labels}
        />
      </section>
      <section className="panel" aria-label={t('table')}>
        {health.endpoints.length === 0 ? (
          <p className="empty">{t('none')}</p>
        ) : (
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">{t('platform')}</th>
                <th scope="col">{t('endpoint')}</th>
                <th scope="col">{labels.requests}</th>
                <th scope="col">{labels.successes}</th>
                <th scope="col">{labels.blocked}</th>
                <th scope="col">{labels.parseFailures}</th>
                <th scope="col">{labels.droppedItems}</th>
                <th scope="col">{t('recent', { hours: health.windowHours })}</th>
                <th scope="col">{t('sample')}</th>
              </tr>
            </thead>
            <tbody>
              {health.endpoints.map((e) => (
                <tr key={e.key}>
                  <td data-label={t('platform')}>{platformLabel(e.platform)}</td>
                  <td data-label={t('endpoint')}>
                    <Link href={`/admin/health?${new URLSearchParams({ endpoint: e.key })}`}>
                      <code>{e.endpoint}</code>
                    </Link>
                  </td>
                  <td data-label={labels.requests}>{e.requests}</td>
                  <td data-label={labels.successes}>{e.successes}</td>
                  <td data-label={labels.blocked}>{e.blocked}</td>
                  <td data-label={labels.parseFailures}>{e.parseFailures}</td>
                  <td data-label={labels.droppedItems}>{e.droppedItems}</td>
                  <td data-label={t('recent', { hours: health.windowHours })}>
                    {e.isDrifting ? (
                      <span className="badge bad">{t('drifting', { count: e.recentIssues })}</span>
                    ) : (
                      e.recentIssues
                    )}
                  </td>
                  <td data-label={t('sample')}>
                    {e.sampleRawHash ? (
                      <a href={`/api/raw/${e.sampleRawHash}`}>
                        <code>{e.sampleRawHash.slice(0, 12)}</code>
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
