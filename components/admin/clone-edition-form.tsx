'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { cloneEditionAction } from '@/lib/actions/clone-edition';

export function CloneEditionForm({ editions }: { editions: Array<{ id: string; code: string; name: string }> }) {
  const t = useTranslations('admin.editions');
  const router = useRouter();
  const { isPending, message, fieldErrors, errorOf, run } = useActionForm();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    run(() => cloneEditionAction({ baseId: f.get('baseId'), code: f.get('code'), name: f.get('name') }), {
      then: (data) => router.push(`/admin/editions/${data.id}`),
      refresh: false,
      failed: (r) => (r.fieldErrors ? null : r.message),
    });
  }
  return (
    <section className="panel" aria-label={t('clone')}>
      <h2>{t('clone')}</h2>
      <form className="filter-bar" onSubmit={onSubmit}>
        <label>
          {t('cloneBase')}
          <select name="baseId" required>
            {editions.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name} ({e.code})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('code')}
          <input
            name="code"
            required
            pattern="[a-z0-9][a-z0-9-]{1,58}"
            placeholder="jiangchuan-2027"
            aria-invalid={fieldErrors.code ? true : undefined}
          />
          <FieldError text={errorOf('code')} />
        </label>
        <label>
          {t('name')}
          <input name="name" required maxLength={80} aria-invalid={fieldErrors.name ? true : undefined} />
          <FieldError text={errorOf('name')} />
        </label>
        <button type="submit" disabled={isPending}>
          {t('clone')}
        </button>
      </form>
      <FormMessage message={message} />
    </section>
  );
}
