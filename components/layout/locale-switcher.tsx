'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { setLocaleAction } from '@/lib/actions/set-locale';
import { LOCALES, type Locale } from '@/lib/i18n/config';

const LABELS: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

export function LocaleSwitcher({ current, label }: { current: Locale; label: string }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  return (
    <label>
      <span className="skip-link">{label}</span>
      <select
        aria-label={label}
        value={current}
        disabled={isPending}
        onChange={(e) =>
          startTransition(async () => {
            await setLocaleAction(e.target.value);
            router.refresh();
          })
        }
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {LABELS[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
