'use client';

import type { FormEvent, ReactNode } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import './agency-picker.css';

type Props = {
  action: (input: Record<string, unknown>) => Promise<ActionResult<unknown>>;
  /** The form's accessible name; leave it out for a form repeated per table row (no landmark per row). */
  label?: string;
  submit: string;
  /** The sentence after success; none when the refreshed page shows the change by itself. */
  done?: string;
  hidden?: Record<string, string>;
  /** Shapes the posted fields when the action wants more than name → value (default: the fields as they are). */
  toInput?: (form: FormData) => Record<string, unknown>;
  confirm?: string;
  /** `danger`: the submit button looks destructive (deactivate, remove); pair it with `confirm`. */
  tone?: 'danger';
  className?: string;
  children?: ReactNode;
};

/** A form posting its fields to a server action; shows the outcome, resets and refreshes the server page on success. */
export function ActionForm({
  action,
  label,
  submit,
  done,
  hidden = {},
  toInput,
  confirm,
  tone,
  className = 'panel filter-bar',
  children,
}: Props) {
  const { isPending, message, run } = useActionForm();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirm && !window.confirm(confirm)) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = { ...(toInput ? toInput(data) : Object.fromEntries(data)), ...hidden };
    run(() => action(input), { done: () => done, then: () => form.reset() });
  }
  const inline = className.split(' ').includes('inline-form');
  return (
    <form className={className} onSubmit={onSubmit} aria-label={label}>
      {children}
      <button type="submit" className={tone} disabled={isPending}>
        {submit}
      </button>
      <FormMessage message={message} as={inline ? 'span' : 'p'} />
    </form>
  );
}
