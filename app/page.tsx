import { getFormatter, getTranslations } from 'next-intl/server';
import { ActivityTable } from '@/components/overview/activity-table';
import { OverviewCards } from '@/components/overview/overview-cards';
import { PassRateTrend } from '@/components/charts/pass-rate-trend';
import { PlatformChips } from '@/components/overview/platform-chips';
import { RiskTable } from '@/components/overview/risk-table';
import { READ_ROLES, scopeRoots } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { getOverview } from '@/lib/services/get-overview';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const access = await requirePageAccess(READ_ROLES);
  const [t, format] = await Promise.all([getTranslations('overview'), getFormatter()]);
  const overview = await getOverview({ now: new Date(), scopeRoots: scopeRoots(access, READ_ROLES) });
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="subtle">
        {overview.scopeNames.length ? t('scope', { name: overview.scopeNames.join('、') }) : t('empty')} ·{' '}
        {t('asOf', { time: format.dateTime(new Date(overview.asOf), { dateStyle: 'medium', timeStyle: 'short' }) })}
      </p>
      <OverviewCards overview={overview} />
      <section className="panel" aria-label={t('trendTitle')}>
        <h2>{t('trendTitle')}</h2>
        {overview.trend.length === 0 ? (
          <p className="empty">{t('trendEmpty')}</p>
        ) : (
          <PassRateTrend points={overview.trend} labels={{ passRate: t('passRate'), vetoed: t('vetoed') }} />
        )}
      </section>
      <RiskTable rows={[...overview.latest.vetoed, ...overview.latest.atRisk]} total={overview.latest.vetoedCount + overview.latest.atRiskCount} />
      <PlatformChips items={overview.counts.accountsByPlatform} />
      <ActivityTable title={t('staleTitle')} emptyText={t('staleEmpty')} items={overview.stale} total={overview.staleCount} tone="bad" />
      <ActivityTable title={t('nearingTitle')} emptyText={t('nearingEmpty')} items={overview.nearing} total={overview.nearingCount} tone="warn" />
    </>
  );
}
