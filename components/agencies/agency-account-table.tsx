import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { ResultBadge } from '@/components/scores/result-badge';
import { SortableTable } from '@/components/ui/sortable-table';
import type { AgencyAccountRow } from '@/lib/services/get-agency-scorecard';
import { usePlatformName } from '@/components/ui/use-platform-name';

/** The agency's own accounts: latest result with its reported score and standing findings, sortable. */
export function AgencyAccountTable({ rows }: { rows: AgencyAccountRow[] }) {
  const t = useTranslations();
  const platformName = usePlatformName();
  const format = useFormatter();
  return (
    <section className="panel" aria-label={t('agency.ownAccounts')}>
      <h2>{t('agency.ownAccounts')}</h2>
      {rows.length === 0 ? (
        <p className="empty">{t('agency.noAccounts')}</p>
      ) : (
        <SortableTable
          className="stack"
          columns={[
            { label: t('overview.account') },
            { label: t('overview.platform') },
            { label: t('account.filing') },
            { label: t('overview.lastPost') },
            { label: t('agency.latestResult'), numeric: true },
            { label: t('agency.findings'), numeric: true },
          ]}
          rows={rows.map((r) => ({
            key: r.id,
            sortValues: [
              r.displayName,
              r.platformCode,
              r.filingStatus,
              r.lastPostAt,
              r.latest && r.latest.result !== 'INSUFFICIENT_DATA' ? r.latest.reportedScore : null,
              r.latest ? r.findings : null,
            ],
            cells: [
              <span key="n">
                <Link href={`/accounts/${r.id}`}>{r.displayName}</Link>
                {r.lifecycle === 'CLOSED' && <span className="badge"> {t('account.lifecycle.CLOSED')}</span>}
              </span>,
              platformName(r.platformCode),
              t(`account.filingStatus.${r.filingStatus}` as 'account.filingStatus.FILED'),
              r.lastPostAt ? format.dateTime(new Date(r.lastPostAt), { dateStyle: 'medium' }) : '—',
              r.latest ? <ResultBadge key="r" result={r.latest.result} reportedScore={r.latest.reportedScore} /> : '—',
              r.latest ? (
                r.findings > 0 ? (
                  <Link key="f" href={`/findings?accountId=${r.id}&status=ALL`}>
                    {r.findings}
                  </Link>
                ) : (
                  0
                )
              ) : (
                '—'
              ),
            ],
          }))}
        />
      )}
    </section>
  );
}
