'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { AlertTable } from '@/components/alerts/alert-table';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import type { AlertItemDto } from '@/lib/schemas/alert';
import { acknowledgeAlertsAction } from '@/lib/actions/acknowledge-alerts';

export function AlertsView({
  items,
  today,
  canAcknowledge,
}: {
  items: AlertItemDto[];
  today: string;
  canAcknowledge: boolean;
}) {
  const t = useTranslations('alerts');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const { isPending, message, run } = useActionForm();
  const openIds = items.filter((a) => a.acknowledgedAt === null).map((a) => a.id);
  const chosen = openIds.filter((id) => selected.has(id));

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const acknowledge = (ids: string[]) =>
    run(() => acknowledgeAlertsAction({ ids }), {
      done: (data) => t('acknowledged', { count: data.acknowledged }),
      then: () => setSelected(new Set()),
      failed: (r) => r.message,
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
      <FormMessage message={message} />
      <AlertTable
        items={items}
        today={today}
        canAcknowledge={canAcknowledge}
        selected={selected}
        isPending={isPending}
        onToggle={toggle}
        onAcknowledge={acknowledge}
      />
    </section>
  );
}
