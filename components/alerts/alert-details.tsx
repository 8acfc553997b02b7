'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { AlertItemDto } from '@/lib/schemas/alert';
import { crawlErrorLabel, indicatorLabel, loose, ruleLabel } from '@/components/ui/code-labels';
import { daysFromTo as daysFrom } from '@/lib/time';

/** One alert's details as a sentence; `today` is the Shanghai day, passed from the server so render and hydration agree. */
export function AlertDetails({ alert, today }: { alert: AlertItemDto; today: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const d = alert.details;
  if (!d) return <span className="subtle">{t('alerts.text.unknown')}</span>;
  const rule = (ruleId: string) => ruleLabel(loose(t), ruleId);
  const indicator = (code: string) => indicatorLabel(loose(t), code);
  switch (d.kind) {
    case 'NEARING_STALE':
    case 'STALE': {
      const date = format.dateTime(new Date(d.lastPostAt), { dateStyle: 'medium' });
      return d.kind === 'STALE' ? (
        <>{t('alerts.text.stale', { days: d.daysSince, date, limit: d.limitDays })}</>
      ) : (
        <>
          {t('alerts.text.nearingStale', {
            days: d.daysSince,
            date,
            left: Math.max(0, d.limitDays - d.daysSince),
            limit: d.limitDays,
          })}
        </>
      );
    }
    case 'CRAWL_FAILING': {
      const days = [...d.days].sort();
      return (
        <>
          {t('alerts.text.crawlFailing', {
            days: days.length,
            from: days[0] ?? '',
            to: days.at(-1) ?? '',
            errors:
              d.errorKinds.map((k) => crawlErrorLabel(loose(t), k)).join(t('common.listSeparator')) || t('common.none'),
          })}
        </>
      );
    }
    case 'VETO_SUSPECTED': {
      const href = `/findings?${new URLSearchParams({ status: 'SUSPECTED', accountId: alert.accountId, inspectionId: d.inspectionId })}`;
      return (
        <>
          {t('alerts.text.vetoSuspected', { inspection: d.inspectionName, codes: d.codes.map(indicator).join('、') })}{' '}
          <Link href={href}>{t('alerts.text.viewFindings')}</Link>
        </>
      );
    }
    case 'RECTIFICATION_OVERDUE': {
      const [first, ...rest] = d.rectifications;
      return (
        <>
          {t('alerts.text.rectificationOverdue', {
            indicator: indicator(first.indicatorCode),
            rule: rule(first.ruleId),
            deadline: first.deadline,
            days: Math.max(1, daysFrom(first.deadline, today)),
          })}
          {rest.length > 0 && <div className="subtle">{t('alerts.text.moreOverdue', { count: rest.length })}</div>}
        </>
      );
    }
    case 'PARSER_DRIFT':
      return (
        <>
          {t('alerts.text.parserDrift', {
            endpoint: d.endpoint,
            hours: d.windowHours,
            dropped: d.droppedItems,
            failures: d.parseFailures,
            requests: d.requests,
            threshold: d.threshold,
          })}{' '}
          <a href={`/api/raw/${d.sampleRawHash}`}>
            {t('alerts.text.sampleRaw', { hash: d.sampleRawHash.slice(0, 12) })}
          </a>
        </>
      );
  }
}
