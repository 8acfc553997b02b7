'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { createUserAction } from '@/app/admin/actions';
import { ROLES } from '@/lib/schemas/enums';

export function CreateUserForm({ agencies }: { agencies: Array<{ id: string; name: string }> }) {
  const t = useTranslations();
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const input = { name: f.get('name'), email: f.get('email'), password: f.get('password'), grants: [{ role: f.get('role'), agencyId: f.get('agencyId') }] };
    startTransition(async () => {
      const result = await createUserAction(input);
      if (result.ok) {
        setMessage({ ok: true, text: t('admin.users.created') });
        router.refresh();
      } else setMessage({ ok: false, text: Object.entries(result.fieldErrors ?? {}).map(([k, v]) => `${k}: ${v?.join(', ')}`).join('; ') || result.message });
    });
  }

  return (
    <form className="panel filter-bar" onSubmit={onSubmit} aria-label={t('admin.users.create')}>
      <label>{t('admin.users.name')}<input name="name" required /></label>
      <label>{t('login.email')}<input name="email" type="email" required /></label>
      <label>{t('login.password')}<input name="password" type="password" minLength={10} required /></label>
      <label>{t('admin.users.role')}<select name="role">{ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}</select></label>
      <label>{t('admin.users.scope')}<select name="agencyId">{agencies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</select></label>
      <button type="submit" disabled={isPending}>{t('admin.users.create')}</button>
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'subtle' : 'error'}>{message.text}</p>}
    </form>
  );
}
