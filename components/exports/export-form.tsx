'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { exportQuerySchema } from '@/lib/schemas/export';

type Props = { agencies: Array<{ id: string; name: string }>; defaultQuarter: string; defaultYear: string };

/** A plain GET form to /api/exports (the browser downloads the attachment); checked with the API's own schema first. */
export function ExportForm({ agencies, defaultQuarter, defaultYear }: Props) {
  const t = useTranslations('exports');
  const locale = useLocale();
  const [kind, setKind] = useState<'notice' | 'annual'>('notice');
  const [error, setError] = useState<string | null>(null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const parsed = exportQuerySchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) {
      event.preventDefault();
      setError(parsed.error.issues.map((i) => i.message).join('; '));
    } else setError(null);
  }
  return (
    <form className="form panel" method="get" action="/api/exports" onSubmit={onSubmit}>
      <label>{t('kind')}
        <select name="kind" value={kind} onChange={(e) => setKind(e.target.value === 'annual' ? 'annual' : 'notice')}>
          <option value="notice">{t('kinds.notice')}</option>
          <option value="annual">{t('kinds.annual')}</option>
        </select>
      </label>
      <label>{t('period')}
        <input key={kind} name="period" required defaultValue={kind === 'notice' ? defaultQuarter : defaultYear} aria-describedby="period-hint" aria-invalid={!!error} />
        <span id="period-hint" className="hint">{t(`periodHint.${kind}`)}</span>
      </label>
      <label>{t('agency')}
        <select name="agencyId" required>{agencies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</select>
      </label>
      <label>{t('format')}
        <select name="format" defaultValue="pdf">
          <option value="pdf">{t('formats.pdf')}</option>
          <option value="xlsx">{t('formats.xlsx')}</option>
          <option value="docx">{t('formats.docx')}</option>
        </select>
      </label>
      <input type="hidden" name="locale" value={locale} />
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit">{t('download')}</button>
    </form>
  );
}
