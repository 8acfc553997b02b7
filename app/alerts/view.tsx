'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { AlertTable } from '@/components/alerts/alert-table';
import type { AlertItemDto } from '@/lib/schemas/alert';
import { acknowledgeAlertsAction } from './actions';

export function AlertsView({ items, today, canAcknowledge }: { items: AlertItemDto[]; today: string; canAcknowledge: boolean }) {
  const t = useTranslations('alerts');
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  const openIds = items.filter((a) => a.acknowledgedAt === null).map((a) => a.id);
  const chosen = openIds.filter((id) => selected.has(id));

  const toggle = (id: string) => setSelected((s) => {
    const next = new Set(s);
    if (!next.delete(id)) next.add(id);
    return next;
  });
  const acknowledge = (ids: string[]) => startTransition(async () => {
    const result = await acknowledgeAlertsAction({ ids });
    if (!result.ok) {
      setMessage({ tone: 'error', text: result.message });
      return;
    }
    setMessage({ tone: 'ok', text: t('acknowledged', { count: result.data.acknowledged }) });
    setSelected(new Set());
    router.refresh();
  });

  return (
    <section className="panel" aria-label={t('title')} aria-busy={isPending}>
      {canAcknowledge && openIds.length > 0 && (
        <div className="inline-form">
          <label>
            <input
              type="checkbox"
              checked={chosen.length === openIds.length}
              onChange={(e) => setSelected(e.target.checked ? new Set(openIds) : new Set())}
            />{' '}
            {t('selectAll')}
          </label>
          <button type="button" disabled={isPending || chosen.length === 0} onClick={() => acknowledge(chosen)}>
            {t('acknowledgeSelected', { count: chosen.length })}
          </button>
        </div>
      )}
      {message && <p role={message.tone === 'error' ? 'alert' : 'status'} className={message.tone === 'error' ? 'error' : 'subtle'}>{message.text}</p>}
      <AlertTable items={items} today={today} canAcknowledge={canAcknowledge} selected={selected} isPending={isPending} onToggle={toggle} onAcknowledge={acknowledge} />
    </section>
  );
}
