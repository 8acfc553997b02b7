import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ResultBadge } from '@/components/scores/result-badge';
import { SortableTable } from '@/components/ui/sortable-table';
import type { LatestScoreItem } from '@/lib/services/get-overview';
import { FailingReason } from './failing-reason';
import { usePlatformName } from '@/components/ui/use-platform-name';

/** Every failing or at-risk account listed, lowest reported score first, with why. */
export function FailingAccountsTable({ rows, total }: { rows: LatestScoreItem[]; total: number }) {
  const t = useTranslations();
  const platformName = usePlatformName();
  const sorted = [...rows].sort(
    (a, b) => a.reportedScore - b.reportedScore || a.displayName.localeCompare(b.displayName, 'zh'),
  );
  return (
    <section className="panel" aria-label={t('overview.failingTitle')}>
      <h2>{t('overview.failingTitle')}</h2>
      {total > rows.length && <p className="hint">{t('overview.showingFirst', { shown: rows.length, total })}</p>}
      {rows.length === 0 ? (
        <p className="empty">{t('overview.failingEmpty')}</p>
      ) : (
        <SortableTable
          className="stack"
          columns={[
            { label: t('overview.account') },
            { label: t('overview.agency') },
            { label: t('overview.score'), numeric: true },
            { label: t('overview.why'), sortable: false },
          ]}
          rows={sorted.map((r) => ({
            key: r.accountId,
            sortValues: [r.displayName, r.agencyName, r.reportedScore, null],
            cells: [
              <span key="a">
                <Link href={`/accounts/${r.accountId}`}>{r.displayName}</Link>
                <div className="subtle">{platformName(r.platformCode)}</div>
              </span>,
              r.agencyName,
              <ResultBadge key="s" result={r.result} reportedScore={r.reportedScore} />,
              <FailingReason key="w" item={r} />,
            ],
          }))}
        />
      )}
    </section>
  );
}
