import { useFormatter, useTranslations } from 'next-intl';
import type { OverviewDto } from '@/lib/services/get-overview';

export function OverviewCards({ overview }: { overview: OverviewDto }) {
  const t = useTranslations('overview');
  const format = useFormatter();
  const { counts } = overview;
  const cards = [
    {
      label: t('passRate'),
      value: overview.latest.scored ? format.number(overview.latest.passed / overview.latest.scored, { style: 'percent', maximumFractionDigits: 1 }) : '—',
      tone: overview.latest.scored && overview.latest.passed / overview.latest.scored < 0.9 ? 'warn' : '',
    },
    { label: t('vetoed'), value: format.number(overview.latest.vetoedCount), tone: overview.latest.vetoedCount ? 'bad' : '' },
    { label: t('atRisk'), value: format.number(overview.latest.atRiskCount), tone: overview.latest.atRiskCount ? 'warn' : '' },
    { label: t('agencies'), value: format.number(counts.agencies), tone: '' },
    { label: t('accounts'), value: format.number(counts.accounts), tone: '' },
    { label: t('posts60'), value: format.number(counts.posts60), tone: '' },
    { label: t('comments60'), value: format.number(counts.comments60), tone: '' },
    {
      label: t('coverage14'),
      value: overview.coverage14 === null ? '—' : format.number(overview.coverage14, { style: 'percent', maximumFractionDigits: 1 }),
      tone: overview.coverage14 !== null && overview.coverage14 < 0.9 ? 'warn' : '',
    },
    { label: t('stale'), value: format.number(overview.staleCount), tone: overview.staleCount ? 'bad' : '' },
    { label: t('nearing'), value: format.number(overview.nearingCount), tone: overview.nearingCount ? 'warn' : '' },
  ];
  return (
    <section className="cards" aria-label={t('title')}>
      {cards.map((c) => (
        <div key={c.label} className={`card ${c.tone}`}>
          <div className="label">{c.label}</div>
          <div className="value">{c.value}</div>
        </div>
      ))}
    </section>
  );
}
