'use client';

import { useTranslations } from 'next-intl';
import { FINDING_STATUSES } from '@/lib/schemas/enums';
import { findingFilterSchema, type FindingFilter } from '@/lib/schemas/finding';

const INDICATORS = ['V1.1', 'V1.2', 'V1.3', 'V1.4', 'V2', 'V3', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10'];

export function FindingsFilterBar({ filter, onChange }: { filter: FindingFilter; onChange: (f: FindingFilter) => void }) {
  const t = useTranslations('findings');
  return (
    <form className="panel filter-bar" role="search" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('status')}
        <select value={filter.status} onChange={(e) => onChange({ ...filter, status: findingFilterSchema.shape.status.parse(e.target.value), page: 1 })}>
          {[...FINDING_STATUSES, 'ALL' as const].map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('indicator')}
        <select value={filter.indicator ?? ''} onChange={(e) => onChange({ ...filter, indicator: e.target.value || undefined, page: 1 })}>
          <option value="">{t('allIndicators')}</option>
          {INDICATORS.map((code) => (
            <option key={code} value={code}>
              {code} {t(`indicators.${code.replace('.', '_')}`)}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
