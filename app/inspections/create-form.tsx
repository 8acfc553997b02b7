'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { createInspectionInputSchema } from '@/lib/schemas/inspection';
import { createInspectionAction } from './actions';

type Props = { agencies: Array<{ id: string; name: string }>; editions: Array<{ code: string; name: string }> };

export function CreateInspectionForm({ agencies, editions }: Props) {
  const t = useTranslations('inspections');
  const router = useRouter();
  const [scope, setScope] = useState<'TREE' | 'SAMPLE'>('TREE');
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [isPending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget));
    const monitoringAt = typeof form.monitoringAt === 'string' && form.monitoringAt ? new Date(form.monitoringAt).toISOString() : '';
    const input = { ...form, monitoringAt, sampleRatio: scope === 'SAMPLE' && form.sampleRatio ? Number(form.sampleRatio) / 100 : undefined };
    const local = createInspectionInputSchema.safeParse(input);
    if (!local.success) {
      setErrors(Object.fromEntries(local.error.issues.map((i) => [String(i.path[0]), [i.message]])));
      return;
    }
    startTransition(async () => {
      const result = await createInspectionAction(input);
      if (result.ok) {
        setErrors({});
        router.refresh();
      } else setErrors(result.fieldErrors ?? { name: [result.message] });
    });
  }

  return (
    <form className="panel filter-bar" onSubmit={onSubmit} aria-label={t('create')}>
      <label>{t('name')}<input name="name" required minLength={2} defaultValue={t('defaultName')} aria-invalid={!!errors.name} /></label>
      <label>{t('monitoringAt')}<input name="monitoringAt" type="datetime-local" required aria-invalid={!!errors.monitoringAt} /></label>
      <label>
        {t('scope')}
        <select name="scopeAgencyId" required>
          {agencies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
      </label>
      <label>
        {t('scopeKind')}
        <select name="scope" value={scope} onChange={(e) => setScope(e.target.value === 'SAMPLE' ? 'SAMPLE' : 'TREE')}>
          <option value="TREE">{t('tree')}</option>
          <option value="SAMPLE">{t('sampleKind')}</option>
        </select>
      </label>
      {scope === 'SAMPLE' && (
        <label>{t('ratio')}<input name="sampleRatio" type="number" min={1} max={100} defaultValue={30} aria-invalid={!!errors.sampleRatio} /></label>
      )}
      <label>
        {t('edition')}
        <select name="editionCode">
          {editions.map((e) => <option key={e.code} value={e.code}>{`${e.name} (${e.code})`}</option>)}
        </select>
      </label>
      <button type="submit" disabled={isPending}>{t('run')}</button>
      {Object.entries(errors).map(([k, v]) => v && <p key={k} role="alert" className="error">{k}: {v.join(', ')}</p>)}
    </form>
  );
}
