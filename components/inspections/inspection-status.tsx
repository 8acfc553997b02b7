import { useTranslations } from 'next-intl';
import type { InspectionListItem } from '@/lib/schemas/inspection';

const TONE = { DONE: 'ok', FAILED: 'bad', PENDING: 'warn', RUNNING: 'warn' } as const;

/** Queued / running n of N / done / failed, as the worker last wrote it. */
export function InspectionStatus({
  item,
}: {
  item: Pick<InspectionListItem, 'status' | 'progressDone' | 'progressTotal'>;
}) {
  const t = useTranslations('inspections');
  const total = item.progressTotal;
  return (
    <span className="status-cell">
      <span className={`badge ${TONE[item.status]}`}>{t(`statuses.${item.status}`)}</span>
      {item.status === 'RUNNING' && total !== null && (
        <>
          <progress
            value={item.progressDone}
            max={Math.max(total, 1)}
            aria-label={t('progressLabel', { done: item.progressDone, total })}
          />
          <span className="subtle">{t('progress', { done: item.progressDone, total })}</span>
        </>
      )}
    </span>
  );
}
