'use client';

import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { workerQueries } from '@/lib/query/worker';

/**
 * Says plainly when no worker process is alive (no heartbeat within WORKER_ALIVE_SECONDS): without one a queued
 * inspection or a background export waits forever. Silent while the status is unknown (loading, signed out).
 */
export function WorkerBanner() {
  const t = useTranslations('worker');
  const format = useFormatter();
  const { data } = useQuery(workerQueries.status());
  if (!data || data.alive) return null;
  return (
    <div role="alert" className="banner warn" data-testid="worker-banner">
      <p>{t('missing')}</p>
      <p className="subtle">
        {data.lastSeenAt
          ? t('lastSeen', {
              at: format.dateTime(new Date(data.lastSeenAt), { dateStyle: 'medium', timeStyle: 'short' }),
            })
          : t('neverSeen')}
      </p>
    </div>
  );
}
