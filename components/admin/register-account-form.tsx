'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { FormEvent, ReactNode } from 'react';
import { AgencyPicker, type PickerAgency } from '@/components/ui/agency-picker';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { registerAccountAction } from '@/lib/actions/register-account';
import { registerAccountInputSchema } from '@/lib/schemas/account';
import { FILING_STATUSES, PLATFORM_CODES } from '@/lib/schemas/enums';
import { usePlatformName } from '@/components/ui/use-platform-name';

export function RegisterAccountForm({ agencies }: { agencies: PickerAgency[] }) {
  const t = useTranslations();
  const platformName = usePlatformName();
  const router = useRouter();
  const { isPending, message, fieldErrors, errorOf, run, check } = useActionForm();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = Object.fromEntries(new FormData(event.currentTarget));
    if (!check(registerAccountInputSchema, input)) return;
    run(() => registerAccountAction(input), {
      then: (data) => router.push(`/accounts/${data.id}`),
      refresh: false,
      failed: (r) => (r.fieldErrors ? null : r.message),
    });
  }

  const field = (name: string, label: string, control: ReactNode) => (
    <label>
      {label}
      {control}
      {errorOf(name) && (
        <span role="alert" className="error">
          {errorOf(name)}
        </span>
      )}
    </label>
  );
  return (
    <form className="panel form" onSubmit={onSubmit} style={{ maxWidth: 560 }}>
      <AgencyPicker name="agencyId" label={t('overview.agency')} agencies={agencies} required />
      {errorOf('agencyId') && (
        <span role="alert" className="error">
          {errorOf('agencyId')}
        </span>
      )}
      {field(
        'platformCode',
        t('overview.platform'),
        <select name="platformCode">
          {PLATFORM_CODES.map((p) => (
            <option key={p} value={p}>
              {platformName(p)}
            </option>
          ))}
        </select>,
      )}
      {field('handle', t('account.handle'), <input name="handle" required aria-invalid={!!fieldErrors.handle} />)}
      {field('displayName', t('admin.register.displayName'), <input name="displayName" required />)}
      {field('url', 'URL', <input name="url" type="url" />)}
      {field('filingNumber', t('account.filing'), <input name="filingNumber" />)}
      {field(
        'filingStatus',
        t('admin.register.filingStatus'),
        <select name="filingStatus">
          {FILING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`account.filingStatus.${s}`)}
            </option>
          ))}
        </select>,
      )}
      <FormMessage message={message} />
      <button type="submit" disabled={isPending}>
        {t('admin.register.submit')}
      </button>
    </form>
  );
}
