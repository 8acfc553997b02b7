'use client';

import { useRouter } from 'next/navigation';
import { useLocale } from 'next-intl';
import { useState, useTransition } from 'react';
import type { z } from 'zod';
import type { ActionFailure, ActionResult } from '@/lib/action-result';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/config';
import { localizeZodError } from '@/lib/i18n/localize-zod';
import { failureText, fieldErrorText } from './failure-text';

export type FieldErrors = Record<string, string[] | undefined>;
export type FormMessage = { ok: boolean; text: string };

type Outcome<T> = {
  /** The sentence shown after success (role=status); nothing when omitted. */
  done?: (data: T) => string | null | undefined;
  /** What else success does (reset the form, navigate, clear a selection…). */
  then?: (data: T) => void | Promise<void>;
  /** The sentence shown after failure; default: the field sentences, else the message (failureText). */
  failed?: (failure: ActionFailure) => string | null;
  /** Re-render the server page after success; default true. */
  refresh?: boolean;
};

/**
 * The state every form around a server action needs: pending, the outcome sentence, the field errors, an optional
 * client-side check with the action's own schema (the service parses again on the server).
 */
export function useActionForm() {
  const router = useRouter();
  const uiLocale = useLocale();
  const locale = isLocale(uiLocale) ? uiLocale : DEFAULT_LOCALE;
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<FormMessage | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function run<T>(send: () => Promise<ActionResult<T>>, outcome: Outcome<T> = {}) {
    startTransition(async () => {
      const result = await send();
      if (result.ok) {
        setFieldErrors({});
        const text = outcome.done?.(result.data);
        setMessage(text ? { ok: true, text } : null);
        await outcome.then?.(result.data);
        if (outcome.refresh !== false) router.refresh();
        return;
      }
      setFieldErrors(result.fieldErrors ?? {});
      const text = outcome.failed ? outcome.failed(result) : failureText(result, locale);
      setMessage(text ? { ok: false, text } : null);
    });
  }

  /** Checks `input` before it leaves the browser; false (with field errors shown) when the schema refuses it. */
  function check(schema: z.ZodType, input: unknown): boolean {
    const parsed = schema.safeParse(input);
    if (parsed.success) return true;
    setFieldErrors(localizeZodError(parsed.error, locale).fieldErrors);
    setMessage(null);
    return false;
  }

  const fail = (text: string) => setMessage({ ok: false, text });
  /** The sentences of one field, joined for the locale; undefined when the field is fine. */
  const errorOf = (name: string) => fieldErrorText(fieldErrors[name], locale);

  return { isPending, message, fieldErrors, errorOf, run, check, fail, locale };
}
