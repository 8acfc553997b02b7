'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { cloneEditionAction } from '@/app/admin/editions/actions';

export function CloneEditionForm({ editions }: { editions: Array<{ id: string; code: string; name: string }> }) {
  const t = useTranslations('admin.editions');
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    startTransition(async () => {
      const r = await cloneEditionAction({ baseId: f.get('baseId'), code: f.get('code'), name: f.get('name') });
      if (r.ok) router.push(`/admin/editions/${r.data.id}`);
      else {
        setErrors(r.fieldErrors ?? {});
        setError(r.fieldErrors ? null : r.message);
      }
    });
  }
  return (
    <section className="panel" aria-label={t('clone')}>
      <h2>{t('clone')}</h2>
      <form className="filter-bar" onSubmit={onSubmit}>
        <label>{t('cloneBase')}
          <select name="baseId" required>{editions.map((e) => <option key={e.id} value={e.id}>{e.name} ({e.code})</option>)}</select>
        </label>
        <label>
          {t('code')}
          <input name="code" required pattern="[a-z0-9][a-z0-9-]{1,58}" placeholder="jiangchuan-2027" aria-invalid={errors.code ? true : undefined} />
          {errors.code && <span className="error">{errors.code.includes('taken') ? t('errors.codeTaken') : t('errors.codeFormat')}</span>}
        </label>
        <label>{t('name')}<input name="name" required maxLength={80} aria-invalid={errors.name ? true : undefined} />{errors.name && <span className="error">{errors.name.join('；')}</span>}</label>
        <button type="submit" disabled={isPending}>{t('clone')}</button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
