'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';

export function LoginForm() {
  const t = useTranslations('login');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    // Through the HTTP endpoint, not a server action, so better-auth's rate limits apply.
    const res = await fetch('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: form.get('email'), password: form.get('password') }),
    });
    setPending(false);
    if (res.ok) {
      router.replace('/');
      router.refresh();
      return;
    }
    setError(res.status === 429 ? t('tooMany') : t('invalid'));
  }

  return (
    <form className="panel form" onSubmit={onSubmit} aria-describedby={error ? 'login-error' : undefined}>
      <label>
        {t('email')}
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        {t('password')}
        <input name="password" type="password" autoComplete="current-password" required minLength={10} />
      </label>
      {error && (
        <p id="login-error" role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={isPending}>
        {isPending ? t('signingIn') : t('submit')}
      </button>
    </form>
  );
}
