'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { AgencyPicker, type PickerAgency } from '@/components/ui/agency-picker';
import { SelectField } from '@/components/ui/select-field';
import { startExportJobAction } from '@/lib/actions/start-export-job';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/config';
import { localizeZodError } from '@/lib/i18n/localize-zod';
import { exportJobKeys, exportJobQueries, isExportJobActive } from '@/lib/query/export-jobs';
import { exportQuerySchema, runsAsExportJob } from '@/lib/schemas/export';
import { assessmentZipJobInputSchema, type StartExportJobInput } from '@/lib/schemas/export-job';
import { downloadResponse } from './download-response';

/** The annual assessment of every region unit (one ZIP) is only ever generated in the background. */
type Kind = 'notice' | 'annual' | 'assessment-zip';
const asKind = (value: string): Kind => (value === 'annual' || value === 'assessment-zip' ? value : 'notice');

type Props = {
  /** Tree of the export roots and supervising units (parentId: nearest listed ancestor), each with its accounts. */
  agencies: Array<PickerAgency & { accounts: number }>;
  /** Scopes with more registered accounts are generated in the background (EXPORT_DIRECT_MAX_ACCOUNTS). */
  directLimit: number;
  defaultQuarter: string;
  defaultYear: string;
  /** An export to start from (a refused direct link): its fields, each optional. */
  prefill?: { kind?: Kind; period?: string; agencyId?: string; format?: 'pdf' | 'xlsx' | 'docx' };
};

/**
 * Checked with the API's own schema first. A small scope downloads in the request (GET /api/exports, saved by the
 * browser); a large one, or any when asked, is queued for the worker and listed under "My exports". The button is
 * disabled while generating, and while the same export is already queued or running.
 */
export function ExportForm({ agencies, directLimit, defaultQuarter, defaultYear, prefill = {} }: Props) {
  const t = useTranslations('exports');
  const locale = useLocale();
  const client = useQueryClient();
  const [kind, setKind] = useState<Kind>(prefill.kind ?? 'notice');
  const [agencyId, setAgencyId] = useState(
    agencies.find((a) => a.id === prefill.agencyId)?.id ?? agencies[0]?.id ?? '',
  );
  const [isBackgroundChosen, setIsBackgroundChosen] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [lastQuery, setLastQuery] = useState<Pick<
    StartExportJobInput,
    'kind' | 'period' | 'agencyId' | 'format'
  > | null>(null);
  const jobs = useQuery(exportJobQueries.list()).data?.items ?? [];
  const accounts = agencies.find((a) => a.id === agencyId)?.accounts ?? 0;
  const mustRunInBackground = kind === 'assessment-zip' || runsAsExportJob(accounts, directLimit);
  const isBackground = mustRunInBackground || isBackgroundChosen;
  const isSameRunning =
    lastQuery !== null &&
    jobs.some(
      (j) =>
        isExportJobActive(j.status) &&
        j.kind === lastQuery.kind &&
        j.period === lastQuery.period &&
        j.agencyId === lastQuery.agencyId &&
        j.format === lastQuery.format,
    );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    const fields = Object.fromEntries(new FormData(event.currentTarget));
    const parsed =
      kind === 'assessment-zip' ? assessmentZipJobInputSchema.safeParse(fields) : exportQuerySchema.safeParse(fields);
    if (!parsed.success) {
      setError(
        Object.values(localizeZodError(parsed.error, isLocale(locale) ? locale : DEFAULT_LOCALE).fieldErrors)
          .flat()
          .join(locale === 'en' ? '; ' : '；'),
      );
      return;
    }
    setError(null);
    setIsBusy(true);
    try {
      if (isBackground) {
        const result = await startExportJobAction(parsed.data);
        if (!result.ok) return setError(result.message);
        setLastQuery(parsed.data);
        setNotice(t('queued'));
        await client.invalidateQueries({ queryKey: exportJobKeys.all });
      } else {
        const params = new URLSearchParams(
          Object.entries(parsed.data).filter((e): e is [string, string] => typeof e[1] === 'string'),
        );
        const saved = await downloadResponse(await fetch(`/api/exports?${params}`));
        if (!saved.ok) return setError(saved.message);
        setNotice(t('downloaded', { file: saved.filename }));
      }
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <form className="form panel" method="get" action="/api/exports" onSubmit={onSubmit} aria-busy={isBusy}>
      <SelectField
        name="kind"
        label={t('kind')}
        value={kind}
        onChange={(value) => setKind(asKind(value))}
        options={[
          { value: 'notice', label: t('kinds.notice') },
          { value: 'annual', label: t('kinds.annual') },
          { value: 'assessment-zip', label: t('jobs.kinds.assessment-zip') },
        ]}
      />
      <label>
        {t('period')}
        <input
          key={kind}
          name="period"
          required
          defaultValue={
            kind === (prefill.kind ?? 'notice') && prefill.period
              ? prefill.period
              : kind === 'notice'
                ? defaultQuarter
                : defaultYear
          }
          aria-describedby="period-hint"
          aria-invalid={!!error}
        />
        <span id="period-hint" className="hint">
          {t(`periodHint.${kind === 'notice' ? 'notice' : 'annual'}`)}
        </span>
      </label>
      {/* Starts on the user's own scope (or the export a refused link asked for); a unit below is chosen in the tree. */}
      <AgencyPicker
        name="agencyId"
        label={t('agency')}
        agencies={agencies}
        defaultValue={agencyId}
        onChange={setAgencyId}
        required
      />
      <SelectField
        name="format"
        label={t('format')}
        defaultValue={prefill.format ?? 'pdf'}
        options={(['pdf', 'xlsx', 'docx'] as const).map((f) => ({ value: f, label: t(`formats.${f}`) }))}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={isBackground}
          disabled={mustRunInBackground}
          onChange={(e) => setIsBackgroundChosen(e.target.checked)}
        />
        {t('background')}
      </label>
      {mustRunInBackground && kind !== 'assessment-zip' && (
        <p className="hint">{t('backgroundRequired', { accounts, limit: directLimit })}</p>
      )}
      <input type="hidden" name="locale" value={locale} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="subtle">
          {notice}
        </p>
      )}
      <button type="submit" disabled={isBusy || isSameRunning}>
        {isBusy || isSameRunning ? t('generating') : isBackground ? t('start') : t('download')}
      </button>
    </form>
  );
}
