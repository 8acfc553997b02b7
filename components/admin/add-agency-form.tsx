'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { addAgencyAction } from '@/app/admin/agencies/actions';
import { AGENCY_LEVELS } from '@/lib/schemas/enums';

export function AddAgencyForm({ parents }: { parents: Array<{ id: string; name: string }> }) {
  const t = useTranslations();
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = Object.fromEntries(new FormData(event.currentTarget));
    startTransition(async () => {
      const result = await addAgencyAction(input);
      if (result.ok) {
        setMessage({ ok: true, text: t('admin.agencies.created') });
        router.refresh();
      } else setMessage({ ok: false, text: Object.entries(result.fieldErrors ?? {}).map(([k, v]) => `${k}: ${v?.join(', ')}`).join('; ') || result.message });
    });
  }
  return (
    <form className="panel filter-bar" onSubmit={onSubmit} aria-label={t('admin.agencies.add')}>
      <label>{t('admin.agencies.parent')}<select name="parentId">{parents.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select></label>
      <label>{t('agency.name')}<input name="name" required minLength={2} /></label>
      <label>{t('agency.level')}<select name="level">{AGENCY_LEVELS.map((l) => <option key={l} value={l}>{t(`agency.levels.${l}`)}</option>)}</select></label>
      <label>{t('admin.agencies.code')}<input name="code" /></label>
      <label>{t('admin.agencies.namingRule')}<input name="namingRule" placeholder="发布$" /></label>
      <label><span>{t('agency.supervisingUnit')}</span><input type="checkbox" name="isSupervisingUnit" /></label>
      <button type="submit" disabled={isPending}>{t('admin.agencies.add')}</button>
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'subtle' : 'error'}>{message.text}</p>}
    </form>
  );
}
