'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { completeRectificationAction } from '@/lib/actions/complete-rectification';

/** One per table row, so no form name (a landmark per row); the refreshed table shows the completion. */
export function CompleteButton({ id }: { id: string }) {
  const t = useTranslations('rectifications');
  return (
    <ActionForm action={completeRectificationAction} submit={t('complete')} hidden={{ id }} className="inline-form">
      <label>
        <span className="skip-link">{t('note')}</span>
        <input name="note" placeholder={t('note')} aria-label={t('note')} required minLength={2} />
      </label>
    </ActionForm>
  );
}
