import { z } from 'zod';
import type { AppErrorCode } from '@/lib/errors';
import type { Locale } from './config';
import { errorTranslator, isFieldKey, isValidationKey } from './error-messages';

// Client-safe: forms that check their input before posting use it too.

const ZOD_LOCALES = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() } satisfies Record<
  Locale,
  { localeError: unknown }
>;

/**
 * One zod issue as a sentence in `locale`: our own keys (validation.*, a custom issue's `params` filling the key's
 * placeholders), common size checks, else zod's locale.
 */
function issueMessage(issue: z.core.$ZodIssue, locale: Locale): string {
  const t = errorTranslator(locale);
  const key = issue.message.startsWith('validation.') ? issue.message.slice('validation.'.length) : '';
  if (isValidationKey(key))
    return t(`validation.${key}`, (issue.code === 'custom' ? issue.params : undefined) as never);
  if (issue.code === 'too_small' && issue.origin === 'string')
    return Number(issue.minimum) <= 1
      ? t('validation.required')
      : t('validation.tooShort', { minimum: Number(issue.minimum) });
  if (issue.code === 'too_big' && issue.origin === 'string')
    return t('validation.tooLong', { maximum: Number(issue.maximum) });
  if (issue.code === 'too_small' && issue.origin === 'number')
    return t('validation.tooSmall', { minimum: Number(issue.minimum) });
  if (issue.code === 'too_big' && issue.origin === 'number')
    return t('validation.tooBig', { maximum: Number(issue.maximum) });
  if (issue.code === 'invalid_type' && !('input' in issue && issue.input !== undefined) && issue.expected !== 'date')
    return t('validation.required');
  const message = ZOD_LOCALES[locale].localeError(issue as never);
  return typeof message === 'string' ? message : (message?.message ?? t('validation.invalid'));
}

/** "label：message", with the field's localized label when it has one (fields.* keys), for the form to show. */
function withLabel(path: readonly PropertyKey[], message: string, locale: Locale): string {
  const name = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (!name || !isFieldKey(name)) return message;
  const t = errorTranslator(locale);
  const label = t(`fields.${name}`);
  return message.includes(label) ? message : t('errors.fieldMessage', { label, message });
}

/** Localized field errors of a zod error, keyed by the top-level input name the form knows. */
export function localizeZodError(
  error: z.ZodError,
  locale: Locale,
): { ok: false; code: AppErrorCode; message: string; fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    const text = withLabel(issue.path, issueMessage(issue, locale), locale);
    const top = issue.path[0];
    if (top === undefined) formErrors.push(text);
    else (fieldErrors[String(top)] ??= []).push(text);
  }
  const message =
    formErrors[0] ?? Object.values(fieldErrors)[0]?.[0] ?? errorTranslator(locale)('errors.code.VALIDATION');
  return { ok: false, code: 'VALIDATION', message, fieldErrors };
}
