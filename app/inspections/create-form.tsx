'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { AgencyPicker, type PickerAgency } from '@/components/ui/agency-picker';
import { FormMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/select-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { createInspectionInputSchema } from '@/lib/schemas/inspection';
import { createInspectionAction } from '@/lib/actions/create-inspection';

type Props = {
  agencies: PickerAgency[];
  editions: Array<{ code: string; name: string }>;
  /** Beijing wall-clock `YYYY-MM-DDTHH:mm:ss` the form starts on: the end of the last complete day (docs/everyday-use.md). */
  defaultMonitoringAt?: string;
};

export function CreateInspectionForm({ agencies, editions, defaultMonitoringAt }: Props) {
  const t = useTranslations('inspections');
  const [scope, setScope] = useState<'TREE' | 'SAMPLE'>('TREE');
  const { isPending, message, fieldErrors: errors, errorOf, run, check } = useActionForm();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget));
    // The datetime-local value goes as typed: the server reads it as Beijing time, whatever the browser's zone.
    const input = {
      ...form,
      sampleRatio: scope === 'SAMPLE' && form.sampleRatio ? Number(form.sampleRatio) / 100 : undefined,
    };
    if (check(createInspectionInputSchema, input)) run(() => createInspectionAction(input));
  }

  return (
    <form className="panel filter-bar" onSubmit={onSubmit} aria-label={t('create')}>
      <label>
        {t('name')}
        <input name="name" required minLength={2} defaultValue={t('defaultName')} aria-invalid={!!errors.name} />
      </label>
      <label>
        {t('monitoringAt')}
        <input
          name="monitoringAt"
          type="datetime-local"
          step={1}
          required
          defaultValue={defaultMonitoringAt}
          aria-invalid={!!errors.monitoringAt}
        />
      </label>
      {/* Starts on the user's own scope; a supervising unit below it is chosen in the tree. */}
      <AgencyPicker
        name="scopeAgencyId"
        label={t('scope')}
        agencies={agencies}
        defaultValue={agencies[0]?.id}
        required
      />
      <SelectField
        name="scope"
        label={t('scopeKind')}
        value={scope}
        onChange={(value) => setScope(value === 'SAMPLE' ? 'SAMPLE' : 'TREE')}
        options={[
          { value: 'TREE', label: t('tree') },
          { value: 'SAMPLE', label: t('sampleKind') },
        ]}
      />
      {scope === 'SAMPLE' && (
        <label>
          {t('ratio')}
          <input
            name="sampleRatio"
            type="number"
            min={1}
            max={100}
            defaultValue={30}
            aria-invalid={!!errors.sampleRatio}
          />
        </label>
      )}
      {/* Editions by name; the code only tells apart two editions of the same name. */}
      <SelectField
        name="editionCode"
        label={t('edition')}
        options={editions.map((e) => ({
          value: e.code,
          label: editions.some((o) => o !== e && o.name === e.name) ? `${e.name}（${e.code}）` : e.name,
        }))}
      />
      <button type="submit" disabled={isPending}>
        {t('run')}
      </button>
      {!message &&
        Object.keys(errors).map((k) => (
          <p key={k} role="alert" className="error">
            {errorOf(k)}
          </p>
        ))}
      <FormMessage message={message} />
    </form>
  );
}
