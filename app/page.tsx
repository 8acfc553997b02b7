import { getFormatter, getTranslations } from 'next-intl/server';
import { PassRateTrend, type TrendLabels } from '@/components/charts/pass-rate-trend';
import { ActivityTable } from '@/components/overview/activity-table';
import { FailingAccountsTable } from '@/components/overview/failing-accounts-table';
import { OverviewCards } from '@/components/overview/overview-cards';
import { SubtreeTable } from '@/components/overview/subtree-table';
import { READ_ROLES, scopeRoots } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { quarterParts } from '@/lib/query/trend-chart';
import { getSharedOverview } from '@/lib/services/get-overview';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const access = await requirePageAccess(READ_ROLES);
  const [t, format] = await Promise.all([getTranslations('overview'), getFormatter()]);
  const overview = await getSharedOverview({ scopeRoots: scopeRoots(access, READ_ROLES) });
  const { latest } = overview;
  const failingRows = [...latest.vetoedAccounts, ...latest.atRiskAccounts, ...latest.failedScoreAccounts];
  const quarterName = (key: string, short: boolean) => {
    const p = quarterParts(key);
    if (!p) return key;
    const quarter = t(`quarterNames.${p.quarter}` as 'quarterNames.1');
    return short ? t('quarterShort', { quarter }) : t('quarterTick', { year: p.year, quarter });
  };
  const keys = overview.trend.map((p) => p.quarter);
  const labels: TrendLabels = {
    quarter: t('chartQuarter'),
    passRate: t('chartPassRate'),
    vetoed: t('chartVetoed'),
    ticks: Object.fromEntries(keys.map((k) => [k, quarterName(k, true)])),
    names: Object.fromEntries(keys.map((k) => [k, quarterName(k, false)])),
    years: Object.fromEntries(keys.map((k) => [k, String(quarterParts(k)?.year ?? '')])),
    scored: Object.fromEntries(overview.trend.map((p) => [p.quarter, t('chartScored', { count: p.scored })])),
  };
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="subtle">
        {overview.scopeNames.length ? t('scope', { name: overview.scopeNames.join('、') }) : t('empty')} ·{' '}
        {t('asOf', { time: format.dateTime(new Date(overview.asOf), { dateStyle: 'medium', timeStyle: 'short' }) })}
      </p>
      <OverviewCards overview={overview} />
      <section className="panel" aria-label={t('rankingTitle')}>
        <h2>{t('rankingTitle')}</h2>
        <p className="hint">{t('rankingHint')}</p>
        {overview.ranking.length === 0 ? (
          <p className="empty">{t('rankingEmpty')}</p>
        ) : (
          <SubtreeTable rows={overview.ranking} staleDays={overview.staleAfterDays} />
        )}
      </section>
      <section className="panel" aria-label={t('trendTitle')}>
        <h2>{t('trendTitle')}</h2>
        {overview.trend.length === 0 ? (
          <p className="empty">{t('trendEmpty')}</p>
        ) : (
          <PassRateTrend points={overview.trend} labels={labels} />
        )}
      </section>
      <FailingAccountsTable rows={failingRows} total={latest.scored - latest.passed} />
      <ActivityTable
        title={t('staleTitle', { days: overview.staleAfterDays })}
        emptyText={t('staleEmpty')}
        items={overview.stale}
        total={overview.staleCount}
        windowDays={overview.staleAfterDays}
        tone="bad"
      />
      <ActivityTable
        title={t('nearingTitle')}
        emptyText={t('nearingEmpty')}
        items={overview.nearing}
        total={overview.nearingCount}
        windowDays={overview.staleAfterDays}
        tone="warn"
      />
    </>
  );
}
