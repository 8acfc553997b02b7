'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { completeRectificationAction } from './actions';

export function CompleteButton({ id }: { id: string }) {
  const t = useTranslations('rectifications');
  const router = useRouter();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await completeRectificationAction({ id, note });
          if (result.ok) router.refresh();
          else setError(result.fieldErrors?.note?.join(', ') ?? result.message);
        });
      }}
    >
      <label>
        <span className="skip-link">{t('note')}</span>
        <input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('note')} aria-label={t('note')} required minLength={2} />
      </label>
      <button type="submit" disabled={isPending}>{t('complete')}</button>
      {error && <span role="alert" className="error">{error}</span>}
    </form>
  );
}
