'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { FindingsPage } from '@/lib/schemas/finding';
import { EvidenceText } from './evidence-text';
import { indicatorLabel, loose, ruleLabel } from '@/components/ui/code-labels';
import { usePlatformName } from '@/components/ui/use-platform-name';

/** Findings of one account with the same rule and the same matched text (or excerpt), in page order. */
export function groupNearIdentical(items: ReadonlyArray<FindingsPage['items'][number]>) {
  const leadOf = new Map<string, string>();
  const members = new Map<string, string[]>();
  const leadByKey = new Map<string, string>();
  for (const f of items) {
    const key = `${f.accountId}|${f.ruleId}|${f.status}|${(f.matchedText ?? f.excerpt ?? f.id).trim()}`;
    const lead = leadByKey.get(key) ?? f.id;
    leadByKey.set(key, lead);
    leadOf.set(f.id, lead);
    members.set(lead, [...(members.get(lead) ?? []), f.id]);
  }
  return { leadOf, members };
}

type Props = {
  page: FindingsPage | undefined;
  isLoading: boolean;
  canReview: boolean;
  selected: Set<string>;
  isPending: boolean;
  onToggle: (id: string) => void;
  onToggleAll: (ids: string[], on: boolean) => void;
  onReview: (id: string, decision: 'CONFIRMED' | 'DISMISSED', reason?: string) => void;
  onPage: (direction: 'next' | 'prev') => void;
  /** The outcome of the last action on one row, shown in that row (an error off-screen looks like nothing happened). */
  rowFeedback: { id: string; tone: 'ok' | 'bad'; text: string; undo?: { seconds: number; run: () => void } } | null;
};

export function FindingsTable({
  page,
  isLoading,
  canReview,
  selected,
  isPending,
  onToggle,
  onToggleAll,
  onReview,
  onPage,
  rowFeedback,
}: Props) {
  const [dismissing, setDismissing] = useState<string | null>(null);
  const [rowReason, setRowReason] = useState('');
  // Near-identical findings of one account (same rule, same matched text) fold under the first; lead id → open.
  const [open, setOpen] = useState<Set<string>>(new Set());
  const groups = groupNearIdentical(page?.items ?? []);
  const t = useTranslations();
  const platformName = usePlatformName();
  const format = useFormatter();
  if (!page) return <p className="empty">{t('common.loading')}</p>;
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return (
    <section className="panel" aria-label={t('findings.title')} aria-busy={isLoading}>
      <p className="subtle">{t('findings.total', { total: page.total })}</p>
      {page.items.length === 0 ? (
        <p className="empty">{t('findings.empty')}</p>
      ) : (
        <table className="stack">
          <thead>
            <tr>
              {canReview && (
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label={t('findings.selectAll')}
                    checked={page.items.length > 0 && page.items.every((f) => selected.has(f.id))}
                    onChange={(e) =>
                      onToggleAll(
                        page.items.map((f) => f.id),
                        e.target.checked,
                      )
                    }
                  />
                </th>
              )}
              <th scope="col">{t('findings.indicator')}</th>
              <th scope="col">{t('overview.account')}</th>
              <th scope="col">{t('findings.evidence')}</th>
              <th scope="col" className="num">
                {t('findings.points')}
              </th>
              <th scope="col">{t('findings.status')}</th>
              {canReview && <th scope="col">{t('findings.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {page.items
              .filter((f) => groups.leadOf.get(f.id) === f.id || open.has(groups.leadOf.get(f.id) ?? ''))
              .map((f) => (
                <tr key={f.id} className={groups.leadOf.get(f.id) === f.id ? undefined : 'group-member'}>
                  {canReview && (
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('findings.selectOne', {
                          id: `${indicatorLabel(loose(t), f.indicatorCode)} ${f.accountName}`,
                        })}
                        checked={selected.has(f.id)}
                        onChange={() => onToggle(f.id)}
                      />
                    </td>
                  )}
                  <td data-label={t('findings.indicator')}>
                    <strong>{indicatorLabel(loose(t), f.indicatorCode)}</strong>{' '}
                    {f.isVeto && <span className="badge bad">{t('findings.veto')}</span>}
                    <div className="subtle">{ruleLabel(loose(t), f.ruleId)}</div>
                    {(groups.members.get(f.id)?.length ?? 0) > 1 && (
                      <div className="group-toggle">
                        <button
                          type="button"
                          className="secondary"
                          aria-expanded={open.has(f.id)}
                          onClick={() =>
                            setOpen((o) =>
                              o.has(f.id) ? new Set([...o].filter((x) => x !== f.id)) : new Set([...o, f.id]),
                            )
                          }
                        >
                          {t('findings.groupMore', { count: (groups.members.get(f.id)?.length ?? 1) - 1 })}
                        </button>
                        {canReview && (
                          <button
                            type="button"
                            className="secondary"
                            onClick={() => onToggleAll(groups.members.get(f.id) ?? [], true)}
                          >
                            {t('findings.groupSelect', { count: groups.members.get(f.id)?.length ?? 1 })}
                          </button>
                        )}
                      </div>
                    )}
                  </td>
                  <td data-label={t('overview.account')}>
                    <Link href={`/accounts/${f.accountId}`}>{f.accountName}</Link>
                    <div className="subtle">
                      {f.agencyName} · {platformName(f.platformCode)}
                    </div>
                  </td>
                  <td className="evidence" data-label={t('findings.evidence')}>
                    {f.excerpt !== null ? (
                      <EvidenceText text={f.excerpt} start={f.spanStart} end={f.spanEnd} />
                    ) : (
                      (f.matchedText ?? '—')
                    )}
                    <div className="subtle">
                      {f.sourcePublishedAt &&
                        format.dateTime(new Date(f.sourcePublishedAt), {
                          dateStyle: 'medium',
                          timeStyle: 'short',
                        })}{' '}
                      {f.sourceUrl && (
                        <a href={f.sourceUrl} target="_blank" rel="noopener noreferrer nofollow">
                          {t('findings.source')}
                        </a>
                      )}
                    </div>
                  </td>
                  <td className="num" data-label={t('findings.points')}>
                    {f.isVeto ? '—' : `−${f.points}`}
                  </td>
                  <td data-label={t('findings.status')}>
                    <span
                      className={`badge ${f.status === 'CONFIRMED' ? 'bad' : f.status === 'SUSPECTED' ? 'warn' : 'ok'}`}
                    >
                      {t(`findings.statuses.${f.status}`)}
                    </span>
                    {f.reviewReason && <div className="subtle">{f.reviewReason}</div>}
                  </td>
                  {canReview && (
                    <td className="actions">
                      {dismissing === f.id ? (
                        <>
                          <label className="row-reason">
                            {t('findings.rowReason')}
                            <input
                              value={rowReason}
                              onChange={(e) => setRowReason(e.target.value)}
                              maxLength={500}
                              autoFocus
                            />
                          </label>
                          <button
                            type="button"
                            disabled={isPending}
                            onClick={() => {
                              onReview(f.id, 'DISMISSED', rowReason);
                            }}
                          >
                            {t('findings.dismissNow')}
                          </button>
                          <button
                            type="button"
                            className="secondary"
                            onClick={() => {
                              setDismissing(null);
                              setRowReason('');
                            }}
                          >
                            {t('findings.cancel')}
                          </button>
                        </>
                      ) : (
                        <>
                          <button
                            type="button"
                            disabled={isPending || f.status === 'CONFIRMED' || f.status === 'RECTIFIED'}
                            onClick={() => onReview(f.id, 'CONFIRMED')}
                          >
                            {t('findings.confirm')}
                          </button>
                          <button
                            type="button"
                            className="secondary"
                            disabled={isPending || f.status !== 'SUSPECTED'}
                            onClick={() => {
                              setDismissing(f.id);
                              setRowReason('');
                            }}
                          >
                            {t('findings.dismiss')}
                          </button>
                        </>
                      )}
                      {rowFeedback?.id === f.id && (
                        <p
                          role={rowFeedback.tone === 'bad' ? 'alert' : 'status'}
                          className={`row-feedback ${rowFeedback.tone === 'bad' ? 'error' : 'subtle'}`}
                        >
                          {rowFeedback.text}{' '}
                          {rowFeedback.undo && (
                            <>
                              <span>{t('findings.undoHint', { seconds: rowFeedback.undo.seconds })}</span>{' '}
                              <button type="button" className="secondary" onClick={rowFeedback.undo.run}>
                                {t('findings.undo')}
                              </button>
                            </>
                          )}
                        </p>
                      )}
                    </td>
                  )}
                </tr>
              ))}
          </tbody>
        </table>
      )}
      <nav className="pagination" aria-label={t('common.pageOf', { page: page.page, pages })}>
        <button
          type="button"
          className="secondary"
          disabled={page.page <= 1 && !page.prevCursor}
          onClick={() => onPage('prev')}
        >
          {t('common.previous')}
        </button>
        <span>{t('common.pageOf', { page: page.page, pages })}</span>
        <button type="button" className="secondary" disabled={!page.nextCursor} onClick={() => onPage('next')}>
          {t('common.next')}
        </button>
      </nav>
    </section>
  );
}
