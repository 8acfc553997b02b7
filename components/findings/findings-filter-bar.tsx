'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { AgencyPicker, type PickerAgency } from '@/components/ui/agency-picker';
import { FINDING_STATUSES, PLATFORM_CODES } from '@/lib/schemas/enums';
import { findingFilterSchema, type FindingFilter, type FindingsPage } from '@/lib/schemas/finding';
import { usePlatformName } from '@/components/ui/use-platform-name';

type Key = 'status' | 'indicator' | 'platform' | 'agencyId' | 'accountId' | 'inspectionId' | 'from' | 'to';
const DEFAULTS: Pick<FindingFilter, 'status'> = { status: 'SUSPECTED' };

type Props = {
  filter: FindingFilter;
  /** Veto then deduction codes, in catalogue order (the edition's, passed by the page). */
  indicators: readonly string[];
  names: FindingsPage['filterNames'];
  agencies: PickerAgency[];
  /** The lazy picker's route when `agencies` is only the top of a big tree. */
  agencySource?: string;
  onChange: (f: FindingFilter) => void;
};

/**
 * The queue's filters, and every active one as a chip with a remove button — including those that arrive by link
 * (an alert's account, an agency page's subtree), which have no control of their own above.
 */
export function FindingsFilterBar({ filter, indicators, names, agencies, agencySource, onChange }: Props) {
  const t = useTranslations();
  const platformName = usePlatformName();
  const [agency, setAgency] = useState<string>(filter.agencyId ?? '');
  const set = (patch: Partial<FindingFilter>) => onChange({ ...filter, ...patch, page: 1 });
  const indicatorName = (code: string) =>
    `${code} ${t(`findings.indicators.${code.replace('.', '_')}` as 'findings.indicators.D1')}`;
  const named = (name: string | null | undefined) => name ?? t('findings.outOfScope');
  const chips: Array<{ key: Key; label: string }> = [
    ...(filter.status !== DEFAULTS.status
      ? [{ key: 'status' as const, label: t('findings.chipStatus', { name: t(`findings.statuses.${filter.status}`) }) }]
      : []),
    ...(filter.indicator
      ? [{ key: 'indicator' as const, label: t('findings.chipIndicator', { name: indicatorName(filter.indicator) }) }]
      : []),
    ...(filter.platform
      ? [{ key: 'platform' as const, label: t('findings.chipPlatform', { name: platformName(filter.platform) }) }]
      : []),
    ...(filter.agencyId
      ? [{ key: 'agencyId' as const, label: t('findings.chipAgency', { name: named(names?.agency) }) }]
      : []),
    ...(filter.accountId
      ? [{ key: 'accountId' as const, label: t('findings.chipAccount', { name: named(names?.account) }) }]
      : []),
    ...(filter.inspectionId
      ? [{ key: 'inspectionId' as const, label: t('findings.chipInspection', { name: named(names?.inspection) }) }]
      : []),
    ...(filter.from ? [{ key: 'from' as const, label: t('findings.chipFrom', { day: filter.from }) }] : []),
    ...(filter.to ? [{ key: 'to' as const, label: t('findings.chipTo', { day: filter.to }) }] : []),
  ];
  const remove = (key: Key) => set(key === 'status' ? DEFAULTS : { [key]: undefined });
  return (
    <>
      <form
        className="panel filter-bar"
        role="search"
        aria-label={t('findings.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          {t('findings.status')}
          <select
            value={filter.status}
            onChange={(e) => set({ status: findingFilterSchema.shape.status.parse(e.target.value) })}
          >
            {[...FINDING_STATUSES, 'ALL' as const].map((s) => (
              <option key={s} value={s}>
                {t(`findings.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('findings.indicator')}
          <select value={filter.indicator ?? ''} onChange={(e) => set({ indicator: e.target.value || undefined })}>
            <option value="">{t('findings.allIndicators')}</option>
            {indicators.map((code) => (
              <option key={code} value={code}>
                {indicatorName(code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('findings.platform')}
          <select
            value={filter.platform ?? ''}
            onChange={(e) => set({ platform: findingFilterSchema.shape.platform.parse(e.target.value || undefined) })}
          >
            <option value="">{t('findings.allPlatforms')}</option>
            {PLATFORM_CODES.map((p) => (
              <option key={p} value={p}>
                {platformName(p)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('findings.from')}
          <input type="date" value={filter.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
        </label>
        <label>
          {t('findings.to')}
          <input type="date" value={filter.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
        </label>
        {(agencies.length > 1 || agencySource) && (
          <details className="agency-filter">
            <summary>{t('findings.agencyFilter')}</summary>
            <AgencyPicker
              name="agencyId"
              label={t('findings.agencyFilter')}
              agencies={agencies}
              source={agencySource}
              defaultValue={filter.agencyId}
              onChange={setAgency}
            />
            <button type="button" disabled={!agency} onClick={() => set({ agencyId: agency || undefined })}>
              {t('findings.applyAgency')}
            </button>
          </details>
        )}
      </form>
      {chips.length > 0 && (
        <section className="filter-chips" aria-label={t('findings.activeFilters')}>
          <span className="subtle">{t('findings.activeFilters')}</span>
          <ul className="chips">
            {chips.map((c) => (
              <li key={c.key} className="chip">
                {c.label}
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('findings.removeFilter', { label: c.label })}
                  onClick={() => remove(c.key)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          {chips.length > 1 && (
            <button
              type="button"
              className="secondary"
              onClick={() => onChange({ ...DEFAULTS, page: 1 } as FindingFilter)}
            >
              {t('findings.clearFilters')}
            </button>
          )}
        </section>
      )}
    </>
  );
}
