'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { importAccountsAction, type Imported } from '@/lib/actions/import-accounts';
import { ACCOUNT_HEADER_NAMES } from '@/lib/import/account-headers';
import { uploadProblem } from '@/lib/import/upload-limits';
import { usePlatformName } from '@/components/ui/use-platform-name';

export function ImportAccountsForm() {
  const t = useTranslations('admin.import');
  const te = useTranslations('errors');
  const platformName = usePlatformName();
  const locale = useLocale();
  // The template's headers are Chinese: a Chinese reader finds the column by its header, an English one by its code.
  const columnName = (column: string | null) => {
    if (!column) return '—';
    const header = ACCOUNT_HEADER_NAMES[column as keyof typeof ACCOUNT_HEADER_NAMES];
    if (!header) return column;
    return locale === 'zh-CN' ? header : `${column} (${header})`;
  };
  const formRef = useRef<HTMLFormElement>(null);
  const [result, setResult] = useState<Imported | null>(null);
  const { isPending, message, run, fail } = useActionForm();

  const submit = (mode: 'preview' | 'import') => {
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    // Checked here too: a file over the limit never leaves the browser (the server checks again).
    const file = data.get('file');
    const problem = uploadProblem(file instanceof File ? file : null);
    setResult(null);
    if (problem) return fail(te(problem.key, problem.params));
    data.set('mode', mode);
    run(() => importAccountsAction(data), {
      done: (d) => (d.imported > 0 ? t('imported', { count: d.imported }) : null),
      then: setResult,
      failed: (r) => r.message,
      refresh: false,
    });
  };

  const preview = result?.preview ?? null;
  const suspect = preview?.suspectRows ?? [];
  // Text broken before upload (U+FFFD) is never imported: the server refuses it too.
  const canImport =
    preview !== null &&
    preview.errors.length === 0 &&
    suspect.length === 0 &&
    preview.rows.length > 0 &&
    result?.imported === 0;
  return (
    <>
      <form ref={formRef} className="panel filter-bar" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('file')}
          <input name="file" type="file" accept=".csv,.xlsx" required onChange={() => setResult(null)} />
        </label>
        <button type="button" disabled={isPending} onClick={() => submit('preview')}>
          {t('preview')}
        </button>
        <button type="button" disabled={isPending || !canImport} onClick={() => submit('import')}>
          {t('confirm')}
        </button>
      </form>
      <FormMessage message={message} />
      {suspect.length > 0 && (
        <p role="alert" className="error">
          {t('suspect', { rows: suspect.join('、') })}
        </p>
      )}
      {preview && preview.errors.length > 0 && (
        <section className="panel" aria-label={t('errors')}>
          <h2 className="error">{t('rejected', { count: preview.errors.length })}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('row')}</th>
                <th scope="col">{t('column')}</th>
                <th scope="col">{t('message')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.errors.map((e, i) => (
                <tr key={i}>
                  <td>{e.row}</td>
                  <td>{columnName(e.column)}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {preview && preview.rows.length > 0 && (
        <section className="panel" aria-label={t('rows')}>
          <h2>
            {t('rows')}（{preview.rows.length}）
          </h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('row')}</th>
                {(['agency_code', 'platform', 'handle', 'display_name'] as const).map((c) => (
                  <th key={c} scope="col">
                    {ACCOUNT_HEADER_NAMES[c]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <td>{r.agencyCode}</td>
                  <td>{platformName(r.platform)}</td>
                  <td>{r.handle}</td>
                  <td>{r.displayName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
