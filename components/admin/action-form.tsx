'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent, type ReactNode } from 'react';
import type { ActionResult } from '@/lib/action-result';

type Props = {
  action: (input: Record<string, FormDataEntryValue>) => Promise<ActionResult<unknown>>;
  label: string;
  submit: string;
  done: string;
  hidden?: Record<string, string>;
  confirm?: string;
  className?: string;
  children?: ReactNode;
};

/** A form posting its fields to a server action; shows the outcome and refreshes the server page on success. */
export function ActionForm({ action, label, submit, done, hidden = {}, confirm, className = 'panel filter-bar', children }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirm && !window.confirm(confirm)) return;
    const form = event.currentTarget;
    const input = { ...Object.fromEntries(new FormData(form)), ...hidden };
    startTransition(async () => {
      const result = await action(input);
      if (result.ok) {
        form.reset();
        setMessage({ ok: true, text: done });
        router.refresh();
      } else {
        setMessage({ ok: false, text: Object.entries(result.fieldErrors ?? {}).map(([k, v]) => `${k}: ${v?.join(', ')}`).join('; ') || result.message });
      }
    });
  }
  return (
    <form className={className} onSubmit={onSubmit} aria-label={label}>
      {children}
      <button type="submit" disabled={isPending}>{submit}</button>
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'subtle' : 'error'}>{message.text}</p>}
    </form>
  );
}
