'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { usePathname, useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { FindingsFilterBar } from '@/components/findings/findings-filter-bar';
import { FindingsTable } from '@/components/findings/findings-table';
import { indicatorLabel, loose } from '@/components/ui/code-labels';
import type { PickerAgency } from '@/components/ui/agency-picker';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { findingQueries, findingsSearchParams } from '@/lib/query/findings';
import { findingKeys } from '@/lib/query/keys';
import type { FindingFilter, FindingsPage } from '@/lib/schemas/finding';
import { reviewFindingsAction } from '@/lib/actions/review-findings';
import { undoFindingReviewAction } from '@/lib/actions/undo-finding-review';

/** Seconds the queue offers to take a review back (the server allows a little more, UNDO_WINDOW_MS). */
const UNDO_SECONDS = 10;
type Undo = { ids: string[]; rowId: string | null; left: number };

export function FindingsView({
  initialFilter,
  canReview,
  agencies,
  agencySource,
  indicators,
}: {
  initialFilter: FindingFilter;
  canReview: boolean;
  agencies: PickerAgency[];
  /** Set when `agencies` is only the top of a big tree: the picker loads the rest from this route. */
  agencySource?: string;
  indicators: readonly string[];
}) {
  const t = useTranslations('findings');
  const tAll = useTranslations();
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState(initialFilter);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const [rowFeedback, setRowFeedback] = useState<{ id: string; tone: 'ok' | 'bad'; text: string } | null>(null);
  const [undo, setUndo] = useState<Undo | null>(null);
  const { isPending, message, run } = useActionForm();
  const { data, isFetching } = useQuery(findingQueries.list(filter));

  // The undo offer counts down; when it goes, the queue reloads (reviewed rows leave a queue of suspicions).
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => {
      if (undo.left > 1) return setUndo({ ...undo, left: undo.left - 1 });
      setUndo(null);
      setRowFeedback(null);
      void queryClient.invalidateQueries({ queryKey: findingKeys.all });
    }, 1000);
    return () => clearTimeout(timer);
  }, [undo, queryClient]);

  function applyFilter(next: FindingFilter) {
    setFilter(next);
    setSelected(new Set());
    setRowFeedback(null);
    const qs = findingsSearchParams(next).toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }

  function turnPage(direction: 'next' | 'prev') {
    if (!data) return;
    const cursor = direction === 'next' ? data.nextCursor : data.prevCursor;
    const base = { ...filter, after: undefined, before: undefined };
    // No cursor back means the rows before were reviewed away meanwhile: the way back is the first page.
    if (!cursor) return applyFilter({ ...base, page: 1 });
    applyFilter(
      direction === 'next'
        ? { ...base, after: cursor, page: data.page + 1 }
        : { ...base, before: cursor, page: data.page - 1 },
    );
  }

  /** A row's action answers in that row; a bulk action next to the bulk buttons. */
  function review(ids: string[], decision: 'CONFIRMED' | 'DISMISSED', rowId: string | null, why: string) {
    const vetoes = (data?.items ?? []).filter((f) => ids.includes(f.id) && f.isVeto && f.status !== 'CONFIRMED');
    if (
      decision === 'CONFIRMED' &&
      vetoes.length > 0 &&
      !window.confirm(
        t('confirmVeto', { count: vetoes.length, label: indicatorLabel(loose(tAll), vetoes[0]?.indicatorCode ?? '') }),
      )
    )
      return;
    setRowFeedback(null);
    run(() => reviewFindingsAction({ ids, decision, reason: why }), {
      done: (d) => (rowId ? null : t('reviewed', { count: d.updated, rescored: d.rescored })),
      then: (d) => {
        if (rowId)
          setRowFeedback({ id: rowId, tone: 'ok', text: t('reviewed', { count: d.updated, rescored: d.rescored }) });
        setUndo({ ids: d.undo.ids, rowId, left: UNDO_SECONDS });
        setSelected(new Set());
        setReason('');
        // The rows stay in place with their new status while the review can still be taken back.
        queryClient.setQueryData(
          findingKeys.list(filter),
          (old: FindingsPage | undefined) =>
            old && {
              ...old,
              items: old.items.map((i) =>
                d.undo.ids.includes(i.id) ? { ...i, status: decision, reviewReason: why || i.reviewReason } : i,
              ),
            },
        );
      },
      refresh: false,
      failed: (r) => {
        const text = r.fieldErrors?.reason ? t('reasonRequired') : r.message;
        if (rowId) {
          setRowFeedback({ id: rowId, tone: 'bad', text });
          return null;
        }
        return text;
      },
    });
  }

  function takeBack() {
    if (!undo) return;
    const { ids } = undo;
    setUndo(null);
    run(() => undoFindingReviewAction({ ids }), {
      done: (d) => t('undone', { count: d.restored, rescored: d.rescored }),
      then: async () => {
        setRowFeedback(null);
        await queryClient.invalidateQueries({ queryKey: findingKeys.all });
      },
    });
  }

  return (
    <>
      <FindingsFilterBar
        filter={filter}
        indicators={indicators}
        names={data?.filterNames}
        agencies={agencies}
        agencySource={agencySource}
        onChange={(next) => applyFilter({ ...next, after: undefined, before: undefined, page: 1 })}
      />
      {canReview && (
        <div className="panel bulk-bar" role="group" aria-label={t('bulk')}>
          <label>
            {t('reason')}
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </label>
          <button
            type="button"
            disabled={isPending || selected.size === 0}
            onClick={() => review([...selected], 'CONFIRMED', null, reason)}
          >
            {t('confirmSelected', { count: selected.size })}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={isPending || selected.size === 0}
            onClick={() => review([...selected], 'DISMISSED', null, reason)}
          >
            {t('dismissSelected', { count: selected.size })}
          </button>
          <FormMessage message={message} role="status" />
        </div>
      )}
      {undo && undo.rowId === null && (
        <p className="panel undo-bar" role="status">
          <span>{t('undoHint', { seconds: undo.left })}</span>
          <button type="button" onClick={takeBack} disabled={isPending}>
            {t('undo')}
          </button>
        </p>
      )}
      <FindingsTable
        page={data}
        isLoading={!data || isFetching}
        canReview={canReview}
        selected={selected}
        onToggle={(id) =>
          setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])))
        }
        onToggleAll={(ids, on) =>
          setSelected((s) => (on ? new Set([...s, ...ids]) : new Set([...s].filter((x) => !ids.includes(x)))))
        }
        onReview={(id, decision, why) => review([id], decision, id, why ?? '')}
        onPage={turnPage}
        isPending={isPending}
        rowFeedback={
          rowFeedback && {
            ...rowFeedback,
            undo: undo?.rowId === rowFeedback.id ? { seconds: undo.left, run: takeBack } : undefined,
          }
        }
      />
    </>
  );
}
