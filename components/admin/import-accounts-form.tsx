'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState, useTransition } from 'react';
import { importAccountsAction, type ImportActionResult } from '@/app/admin/actions';

export function ImportAccountsForm() {
  const t = useTranslations('admin.import');
  const formRef = useRef<HTMLFormElement>(null);
  const [result, setResult] = useState<ImportActionResult | null>(null);
  const [isPending, startTransition] = useTransition();

  const submit = (mode: 'preview' | 'import') => {
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    data.set('mode', mode);
    startTransition(async () => setResult(await importAccountsAction(data)));
  };

  const preview = result?.ok ? result.data.preview : null;
  const canImport = preview !== null && preview.errors.length === 0 && preview.rows.length > 0 && result?.ok && result.data.imported === 0;
  return (
    <>
      <form ref={formRef} className="panel filter-bar" onSubmit={(e) => e.preventDefault()}>
        <label>{t('file')}<input name="file" type="file" accept=".csv,.xlsx" required onChange={() => setResult(null)} /></label>
        <button type="button" disabled={isPending} onClick={() => submit('preview')}>{t('preview')}</button>
        <button type="button" disabled={isPending || !canImport} onClick={() => submit('import')}>{t('confirm')}</button>
      </form>
      {result && !result.ok && <p role="alert" className="error">{result.message}</p>}
      {result?.ok && result.data.imported > 0 && <p role="status">{t('imported', { count: result.data.imported })}</p>}
      {preview && preview.errors.length > 0 && (
        <section className="panel" aria-label={t('errors')}>
          <h2 className="error">{t('rejected', { count: preview.errors.length })}</h2>
          <table>
            <thead><tr><th scope="col">{t('row')}</th><th scope="col">{t('column')}</th><th scope="col">{t('message')}</th></tr></thead>
            <tbody>{preview.errors.map((e, i) => <tr key={i}><td>{e.row}</td><td>{e.column ?? '—'}</td><td>{e.message}</td></tr>)}</tbody>
          </table>
        </section>
      )}
      {preview && preview.rows.length > 0 && (
        <section className="panel" aria-label={t('rows')}>
          <h2>{t('rows')}（{preview.rows.length}）</h2>
          <table>
            <thead><tr><th scope="col">{t('row')}</th><th scope="col">agency_code</th><th scope="col">platform</th><th scope="col">handle</th><th scope="col">display_name</th></tr></thead>
            <tbody>{preview.rows.map((r) => <tr key={r.row}><td>{r.row}</td><td>{r.agencyCode}</td><td>{r.platform}</td><td>{r.handle}</td><td>{r.displayName}</td></tr>)}</tbody>
          </table>
        </section>
      )}
    </>
  );
}
