'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { usePathname, useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { FindingsFilterBar } from '@/components/findings/findings-filter-bar';
import { FindingsTable } from '@/components/findings/findings-table';
import { findingQueries, findingsSearchParams } from '@/lib/query/findings';
import { findingKeys } from '@/lib/query/keys';
import type { FindingFilter } from '@/lib/schemas/finding';
import { reviewFindingsAction } from './actions';

export function FindingsView({ initialFilter, canReview }: { initialFilter: FindingFilter; canReview: boolean }) {
  const t = useTranslations('findings');
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState(initialFilter);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  const { data, isFetching } = useQuery(findingQueries.list(filter));

  function applyFilter(next: FindingFilter) {
    setFilter(next);
    setSelected(new Set());
    const qs = findingsSearchParams(next).toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }

  function turnPage(direction: 'next' | 'prev') {
    if (!data) return;
    const cursor = direction === 'next' ? data.nextCursor : data.prevCursor;
    const base = { ...filter, after: undefined, before: undefined };
    // No cursor back means the rows before were reviewed away meanwhile: the way back is the first page.
    if (!cursor) return applyFilter({ ...base, page: 1 });
    applyFilter(direction === 'next' ? { ...base, after: cursor, page: data.page + 1 } : { ...base, before: cursor, page: data.page - 1 });
  }

  function review(ids: string[], decision: 'CONFIRMED' | 'DISMISSED') {
    startTransition(async () => {
      const result = await reviewFindingsAction({ ids, decision, reason });
      if (result.ok) {
        setMessage({ tone: 'ok', text: t('reviewed', { count: result.data.updated, rescored: result.data.rescored }) });
        setSelected(new Set());
        setReason('');
        await queryClient.invalidateQueries({ queryKey: findingKeys.all });
        router.refresh();
      } else {
        setMessage({ tone: 'bad', text: result.fieldErrors?.reason ? t('reasonRequired') : result.message });
      }
    });
  }

  return (
    <>
      <FindingsFilterBar filter={filter} onChange={(next) => applyFilter({ ...next, after: undefined, before: undefined, page: 1 })} />
      {canReview && (
        <div className="panel bulk-bar" role="group" aria-label={t('bulk')}>
          <label>
            {t('reason')}
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </label>
          <button type="button" disabled={isPending || selected.size === 0} onClick={() => review([...selected], 'CONFIRMED')}>
            {t('confirmSelected', { count: selected.size })}
          </button>
          <button type="button" className="secondary" disabled={isPending || selected.size === 0} onClick={() => review([...selected], 'DISMISSED')}>
            {t('dismissSelected', { count: selected.size })}
          </button>
        </div>
      )}
      {message && (
        <p role="status" className={message.tone === 'bad' ? 'error' : 'subtle'}>
          {message.text}
        </p>
      )}
      <FindingsTable
        page={data}
        isLoading={!data || isFetching}
        canReview={canReview}
        selected={selected}
        onToggle={(id) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])))}
        onReview={(id, decision) => review([id], decision)}
        onPage={turnPage}
        isPending={isPending}
      />
    </>
  );
}
