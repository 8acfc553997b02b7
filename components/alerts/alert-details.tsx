'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { AlertItemDto } from '@/lib/schemas/alert';

const DAY_MS = 86_400_000;
const STALE_LIMIT_DAYS = 14;
const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** One alert's details as a sentence; `today` is the Shanghai day, passed from the server so render and hydration agree. */
export function AlertDetails({ alert, today }: { alert: AlertItemDto; today: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const d = alert.details;
  if (!d) return <span className="subtle">{t('alerts.text.unknown')}</span>;
  const rule = (ruleId: string) => {
    const key = `rules.${ruleId.replaceAll('.', '_')}`;
    return t.has(key) ? t(key) : ruleId;
  };
  const indicator = (code: string) => {
    const key = `findings.indicators.${code.replaceAll('.', '_')}`;
    return t.has(key) ? `${code} ${t(key)}` : code;
  };
  switch (d.kind) {
    case 'NEARING_STALE':
    case 'STALE': {
      const date = format.dateTime(new Date(d.lastPostAt), { dateStyle: 'medium' });
      return d.kind === 'STALE'
        ? <>{t('alerts.text.stale', { days: d.daysSince, date })}</>
        : <>{t('alerts.text.nearingStale', { days: d.daysSince, date, left: Math.max(0, STALE_LIMIT_DAYS - d.daysSince) })}</>;
    }
    case 'CRAWL_FAILING': {
      const days = [...d.days].sort();
      return <>{t('alerts.text.crawlFailing', { days: days.length, from: days[0] ?? '', to: days.at(-1) ?? '', errors: d.errorKinds.join(', ') || t('common.none') })}</>;
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
          {t('alerts.text.rectificationOverdue', { indicator: indicator(first.indicatorCode), rule: rule(first.ruleId), deadline: first.deadline, days: Math.max(1, daysFrom(first.deadline, today)) })}
          {rest.length > 0 && <div className="subtle">{t('alerts.text.moreOverdue', { count: rest.length })}</div>}
        </>
      );
    }
  }
}
