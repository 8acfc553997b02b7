import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { ResultBadge } from '@/components/scores/result-badge';
import { indicatorLabel, loose } from '@/components/ui/code-labels';
import { SortableTable } from '@/components/ui/sortable-table';
import type { SubtreeFigures } from '@/lib/services/figures/ranking';
import type { LatestScoreItem } from '@/lib/services/get-overview';

type Row = SubtreeFigures & { failingAccounts: LatestScoreItem[] };

/**
 * Subtrees of agencies with their figures (docs/figures.md "Agency ranking"): the overview's ranking and an agency
 * page's children. Each row links to the agency's own page (the drill-down); the totals row is the whole subtree.
 */
export function SubtreeTable({
  rows,
  totals,
  staleDays,
  showLevel = false,
}: {
  rows: Row[];
  totals?: SubtreeFigures | null;
  staleDays: number;
  showLevel?: boolean;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const percent = (rate: number | null) =>
    rate === null ? '—' : format.number(rate, { style: 'percent', maximumFractionDigits: 1 });
  const count = (n: number, tone: 'bad' | 'warn' = 'bad') => (n > 0 ? <span className={`badge ${tone}`}>{n}</span> : 0);
  const indicators = (r: SubtreeFigures) =>
    r.topIndicators.length
      ? r.topIndicators.map((i) => `${indicatorLabel(loose(t), i.code)} ×${i.count}`).join(t('common.listSeparator'))
      : '—';
  const columns = [
    { label: t('overview.unit') },
    ...(showLevel ? [{ label: t('agency.level') }] : []),
    { label: t('agency.passRate'), numeric: true },
    { label: t('agency.failing'), numeric: true },
    { label: t('agency.vetoes'), numeric: true },
    { label: t('agency.zombies'), numeric: true },
    { label: t('agency.stale', { days: staleDays }), numeric: true },
    { label: t('overview.findings'), numeric: true },
    { label: t('overview.topIndicators'), sortable: false },
    { label: t('overview.failingAccounts'), sortable: false },
    { label: t('agency.accounts'), numeric: true },
  ];
  const figures = (r: SubtreeFigures) => [
    percent(r.results.passRate),
    count(r.failing),
    count(r.results.vetoed),
    count(r.zombies),
    count(r.staleAccounts, 'warn'),
    r.findings,
  ];
  const sortValues = (r: SubtreeFigures) => [
    r.results.passRate,
    r.failing,
    r.results.vetoed,
    r.zombies,
    r.staleAccounts,
    r.findings,
  ];
  return (
    <SortableTable
      className="stack"
      columns={columns}
      rows={rows.map((r) => ({
        key: r.agencyId,
        sortValues: [r.name, ...(showLevel ? [r.level] : []), ...sortValues(r), null, null, r.accounts],
        cells: [
          <Link key="n" href={`/agencies/${r.agencyId}`}>
            {r.name}
          </Link>,
          ...(showLevel ? [t(`agency.levels.${r.level}` as 'agency.levels.CITY')] : []),
          ...figures(r),
          indicators(r),
          r.failingAccounts.length === 0 ? (
            '—'
          ) : (
            <ul key="f" className="plain">
              {r.failingAccounts.map((a) => (
                <li key={a.accountId}>
                  <Link href={`/accounts/${a.accountId}`}>{a.displayName}</Link>{' '}
                  <ResultBadge result={a.result} reportedScore={a.reportedScore} />
                </li>
              ))}
              {r.failing > r.failingAccounts.length && (
                <li className="subtle">{t('overview.moreFailing', { count: r.failing })}</li>
              )}
            </ul>
          ),
          r.accounts,
        ],
      }))}
      footer={
        totals
          ? [
              <strong key="t">{t('agency.totalsRow')}</strong>,
              ...(showLevel ? [''] : []),
              ...figures(totals),
              indicators(totals),
              '',
              totals.accounts,
            ]
          : undefined
      }
    />
  );
}
