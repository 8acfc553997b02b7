import { useTranslations } from 'next-intl';
import { SubtreeTable } from '@/components/overview/subtree-table';
import type { SubtreeFigures } from '@/lib/services/figures/ranking';
import type { ChildAgencyRow } from '@/lib/services/get-agency-scorecard';

/** The agency's children, sortable, with the whole subtree's totals under them (the overview's ranking, one level down). */
export function ChildAgencyTable({
  rows,
  totals,
  staleDays,
}: {
  rows: ChildAgencyRow[];
  totals: SubtreeFigures | null;
  staleDays: number;
}) {
  const t = useTranslations('agency');
  if (rows.length === 0) return null;
  return (
    <section className="panel" aria-label={t('children')}>
      <h2>{t('children')}</h2>
      <SubtreeTable rows={rows} totals={totals} staleDays={staleDays} showLevel />
    </section>
  );
}
