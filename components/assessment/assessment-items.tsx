import Link from 'next/link';
import type { ReactNode } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { annualFactValues, type AnnualFact, type AnnualItem } from '@/lib/scoring/annual';

const STATUS_BADGE: Record<AnnualItem['status'], string> = {
  HIT: 'bad',
  CLEAR: 'ok',
  INSUFFICIENT_DATA: 'warn',
  NOT_DUE: '',
};

type Props = {
  items: AnnualItem[];
  vetoed: boolean;
  renderFactAction?: (fact: AnnualFact, item: AnnualItem) => ReactNode;
};

/** Each item (A0–A5) with its deduction and status, and the facts behind it: quarter, inspection, account, finding. */
export function AssessmentItems({ items, vetoed, renderFactAction }: Props) {
  const t = useTranslations('assessment');
  const tr = useTranslations();
  const format = useFormatter();
  const fmt = {
    percent: (r: number | null) =>
      r === null ? '—' : format.number(r, { style: 'percent', maximumFractionDigits: 1 }),
    day: (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium' }),
    indicator: (code: string) =>
      `${code} ${tr.has(`findings.indicators.${code.replace('.', '_')}`) ? tr(`findings.indicators.${code.replace('.', '_')}`) : ''}`.trim(),
    quarterList: (q: string[]) => q.join('、'),
  };
  return (
    <section aria-labelledby="assessment-items">
      <h2 id="assessment-items">{t('itemsHeading')}</h2>
      {items.map((item) => (
        <section
          key={item.code}
          className="panel assessment-item"
          aria-labelledby={`item-${item.code}`}
          data-item={item.code}
        >
          <header className="assessment-item-head">
            <h3 id={`item-${item.code}`}>
              {item.code} {t(`items.${item.code}`)}
            </h3>
            <span className="assessment-points">
              {item.code === 'A0' ? (vetoed ? t('vetoed') : t('notVetoed')) : `−${item.deducted} / ${item.max}`}
            </span>
            <span className={`badge ${STATUS_BADGE[item.status]}`}>{t(`statuses.${item.status}`)}</span>
          </header>
          {item.reason && <p className="subtle">{t(`reasons.${item.reason}`)}</p>}
          {item.facts.length === 0 ? (
            <p className="empty">{t('noFacts')}</p>
          ) : (
            <ul className="assessment-facts">
              {item.facts.map((f, i) => (
                <li
                  key={`${f.kind}-${f.quarter ?? ''}-${f.rectificationId ?? f.accountId ?? i}`}
                  className={f.points > 0 ? 'deducted' : undefined}
                >
                  <span className="assessment-fact-text">{t(`facts.${f.kind}`, annualFactValues(f, fmt))}</span>
                  {f.points > 0 && <span className="badge bad">{t('points', { points: f.points })}</span>}
                  {f.accountId && <Link href={`/accounts/${f.accountId}`}>{t('openAccount')}</Link>}
                  {f.findingId && f.accountId && (
                    <Link
                      href={`/findings?status=ALL&accountId=${f.accountId}${f.indicatorCode ? `&indicator=${f.indicatorCode}` : ''}`}
                    >
                      {t('openFinding')}
                    </Link>
                  )}
                  {renderFactAction?.(f, item)}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </section>
  );
}
