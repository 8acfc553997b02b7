'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { registerAccountAction } from '@/app/admin/actions';
import { registerAccountInputSchema } from '@/lib/schemas/account';
import { FILING_STATUSES, PLATFORM_CODES } from '@/lib/schemas/enums';

type Errors = Record<string, string[] | undefined>;

export function RegisterAccountForm({ agencies }: { agencies: Array<{ id: string; name: string }> }) {
  const t = useTranslations();
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [isPending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = Object.fromEntries(new FormData(event.currentTarget));
    const local = registerAccountInputSchema.safeParse(input);
    if (!local.success) {
      setErrors(Object.fromEntries(local.error.issues.map((i) => [String(i.path[0]), [i.message]])));
      return;
    }
    startTransition(async () => {
      const result = await registerAccountAction(input);
      if (result.ok) router.push(`/accounts/${result.data.id}`);
      else setErrors(result.fieldErrors ?? { form: [result.message] });
    });
  }

  const field = (name: string, label: string, control: React.ReactNode) => (
    <label>
      {label}
      {control}
      {errors[name] && <span role="alert" className="error">{errors[name]?.join(', ')}</span>}
    </label>
  );
  return (
    <form className="panel form" onSubmit={onSubmit} style={{ maxWidth: 560 }}>
      {field('agencyId', t('overview.agency'), <select name="agencyId" required>{agencies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</select>)}
      {field('platformCode', t('overview.platform'), <select name="platformCode">{PLATFORM_CODES.map((p) => <option key={p} value={p}>{t(`platforms.${p}`)}</option>)}</select>)}
      {field('handle', t('account.handle'), <input name="handle" required aria-invalid={!!errors.handle} />)}
      {field('displayName', t('admin.register.displayName'), <input name="displayName" required />)}
      {field('url', 'URL', <input name="url" type="url" />)}
      {field('filingNumber', t('account.filing'), <input name="filingNumber" />)}
      {field('filingStatus', t('admin.register.filingStatus'), <select name="filingStatus">{FILING_STATUSES.map((s) => <option key={s} value={s}>{t(`account.filingStatus.${s}`)}</option>)}</select>)}
      {errors.form && <p role="alert" className="error">{errors.form.join(', ')}</p>}
      <button type="submit" disabled={isPending}>{t('admin.register.submit')}</button>
    </form>
  );
}
