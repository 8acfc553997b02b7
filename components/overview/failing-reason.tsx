import { useTranslations } from 'next-intl';
import { indicatorLabel, loose } from '@/components/ui/code-labels';
import type { LatestScoreItem } from '@/lib/services/get-overview';

/** Why an account failed, in words: its vetoes (confirmed, then pending), then its largest deductions. */
export function FailingReason({
  item,
}: {
  item: Pick<LatestScoreItem, 'vetoCodes' | 'pendingVetoCodes' | 'topDeductions'>;
}) {
  const t = useTranslations();
  const label = (code: string) => indicatorLabel(loose(t), code);
  const parts = [
    ...item.vetoCodes.map((c) => t('overview.vetoReason', { label: label(c) })),
    ...item.pendingVetoCodes.map((c) => t('overview.pendingReason', { label: label(c) })),
    ...item.topDeductions.map((d) => t('overview.deduction', { label: label(d.code), points: d.deducted })),
  ];
  return <span>{parts.length ? parts.join(t('common.listSeparator')) : '—'}</span>;
}
