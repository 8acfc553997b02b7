'use client';

import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/action-result';
import { ActionForm } from '@/components/ui/action-form';

type Props = {
  inspectionId: string;
  defaultDay: string;
  maxDay: string;
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
};

/**
 * Marks an inspection's notice (通报) as issued (印发) on a day; the server checks role, scope and the day. No success
 * sentence: the refreshed page replaces this form with the fact "…的通报已于 <day> 印发", which is the confirmation
 * (a sentence inside the form would vanish with it, or land on the next quarter's form).
 */
export function MarkNoticeForm({ inspectionId, defaultDay, maxDay, action }: Props) {
  const t = useTranslations('assessment');
  return (
    <ActionForm action={action} submit={t('markIssued')} hidden={{ inspectionId }} className="inline-form">
      <label>
        <span className="sr-only">{t('issuedOn')}</span>
        <input name="issuedOn" type="date" defaultValue={defaultDay} max={maxDay} aria-label={t('issuedOn')} required />
      </label>
    </ActionForm>
  );
}
