'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { FindingsPage } from '@/lib/schemas/finding';
import { EvidenceText } from './evidence-text';

type Props = {
  page: FindingsPage | undefined;
  isLoading: boolean;
  canReview: boolean;
  selected: Set<string>;
  isPending: boolean;
  onToggle: (id: string) => void;
  onReview: (id: string, decision: 'CONFIRMED' | 'DISMISSED') => void;
  onPage: (direction: 'next' | 'prev') => void;
};

export function FindingsTable({ page, isLoading, canReview, selected, isPending, onToggle, onReview, onPage }: Props) {
  const t = useTranslations();
  const format = useFormatter();
  if (!page) return <p className="empty">{t('common.loading')}</p>;
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return (
    <section className="panel" aria-label={t('findings.title')} aria-busy={isLoading}>
      <p className="subtle">{t('findings.total', { total: page.total })}</p>
      {page.items.length === 0 ? (
        <p className="empty">{t('findings.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {canReview && <th scope="col"><span className="skip-link">{t('findings.select')}</span></th>}
              <th scope="col">{t('findings.indicator')}</th>
              <th scope="col">{t('overview.account')}</th>
              <th scope="col">{t('findings.evidence')}</th>
              <th scope="col" className="num">{t('findings.points')}</th>
              <th scope="col">{t('findings.status')}</th>
              {canReview && <th scope="col">{t('findings.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {page.items.map((f) => (
              <tr key={f.id}>
                {canReview && (
                  <td>
                    <input type="checkbox" aria-label={t('findings.selectOne', { id: f.ruleId })} checked={selected.has(f.id)} onChange={() => onToggle(f.id)} />
                  </td>
                )}
                <td>
                  <strong>{f.indicatorCode}</strong> {f.isVeto && <span className="badge bad">{t('findings.veto')}</span>}
                  <div className="subtle">{t.has(`rules.${f.ruleId.replaceAll('.', '_')}`) ? t(`rules.${f.ruleId.replaceAll('.', '_')}`) : f.ruleId}</div>
                </td>
                <td>
                  <Link href={`/accounts/${f.accountId}`}>{f.accountName}</Link>
                  <div className="subtle">{f.agencyName} · {t(`platforms.${f.platformCode}`)}</div>
                </td>
                <td className="evidence">
                  {f.excerpt !== null ? <EvidenceText text={f.excerpt} start={f.spanStart} end={f.spanEnd} /> : (f.matchedText ?? '—')}
                  <div className="subtle">
                    {f.sourcePublishedAt && format.dateTime(new Date(f.sourcePublishedAt), { dateStyle: 'medium', timeStyle: 'short' })}{' '}
                    {f.sourceUrl && (
                      <a href={f.sourceUrl} target="_blank" rel="noopener noreferrer nofollow">
                        {t('findings.source')}
                      </a>
                    )}
                  </div>
                </td>
                <td className="num">{f.isVeto ? '—' : `−${f.points}`}</td>
                <td>
                  <span className={`badge ${f.status === 'CONFIRMED' ? 'bad' : f.status === 'SUSPECTED' ? 'warn' : 'ok'}`}>{t(`findings.statuses.${f.status}`)}</span>
                  {f.reviewReason && <div className="subtle">{f.reviewReason}</div>}
                </td>
                {canReview && (
                  <td className="actions">
                    <button type="button" disabled={isPending || f.status === 'CONFIRMED'} onClick={() => onReview(f.id, 'CONFIRMED')}>
                      {t('findings.confirm')}
                    </button>
                    <button type="button" className="secondary" disabled={isPending || f.status === 'DISMISSED'} onClick={() => onReview(f.id, 'DISMISSED')}>
                      {t('findings.dismiss')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pagination" aria-label={t('common.pageOf', { page: page.page, pages })}>
        <button type="button" className="secondary" disabled={page.page <= 1 && !page.prevCursor} onClick={() => onPage('prev')}>{t('common.previous')}</button>
        <span>{t('common.pageOf', { page: page.page, pages })}</span>
        <button type="button" className="secondary" disabled={!page.nextCursor} onClick={() => onPage('next')}>{t('common.next')}</button>
      </nav>
    </section>
  );
}
