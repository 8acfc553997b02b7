'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { AgencyPicker, type PickerAgency } from '@/components/ui/agency-picker';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/select-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { createApiTokenAction } from '@/lib/actions/create-api-token';
import { createApiTokenInputSchema } from '@/lib/schemas/api/tokens';
import type { Role } from '@/lib/schemas/enums';

type Option = { id: string; name: string };

/** Creates a token; the secret comes back once and is shown here until the page is left. */
/** `roles`: those the caller may grant (their own; an administrator any, for users of their subtree). */
export function ApiTokenForm({
  agencies,
  owners,
  roles,
}: {
  agencies: PickerAgency[];
  owners: Option[];
  roles: readonly Role[];
}) {
  const t = useTranslations('apiTokens');
  const tr = useTranslations('roles');
  const form = useActionForm();
  const [secret, setSecret] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = event.currentTarget;
    const input = Object.fromEntries(new FormData(f));
    if (!form.check(createApiTokenInputSchema, input)) return;
    setSecret(null);
    form.run(() => createApiTokenAction(input), {
      done: () => t('created'),
      then: (data) => {
        setSecret(data.secret);
        f.reset();
      },
    });
  }

  return (
    <section className="panel">
      <h2>{t('create')}</h2>
      <form className="filter-bar" onSubmit={onSubmit} aria-label={t('create')} noValidate>
        <label>
          {t('name')}
          <input name="name" required maxLength={80} placeholder={t('namePlaceholder')} />
          <FieldError text={form.errorOf('name')} />
        </label>
        {owners.length > 1 && (
          <SelectField
            name="userId"
            label={t('owner')}
            options={owners.map((o) => ({ value: o.id, label: o.name }))}
            error={form.errorOf('userId')}
          />
        )}
        <SelectField
          name="role"
          label={t('role')}
          options={roles.map((r) => ({ value: r, label: tr(r) }))}
          error={form.errorOf('role')}
        />
        <AgencyPicker name="agencyId" label={t('scope')} agencies={agencies} defaultValue={agencies[0]?.id} required />
        <FieldError text={form.errorOf('agencyId')} />
        <label>
          {t('expiresInDays')}
          <input name="expiresInDays" type="number" min={1} max={366} defaultValue={90} required />
          <FieldError text={form.errorOf('expiresInDays')} />
        </label>
        <button type="submit" disabled={form.isPending}>
          {t('create')}
        </button>
      </form>
      <FormMessage message={form.message} />
      {secret && (
        <div className="token-secret" data-testid="api-token-secret">
          <p>
            <strong>{t('shownOnce')}</strong>
          </p>
          <code>{secret}</code>
          <p className="subtle">{t('howToUse')}</p>
        </div>
      )}
    </section>
  );
}
