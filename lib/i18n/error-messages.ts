import { createTranslator } from 'use-intl/core';
import en from './messages/errors.en.json' with { type: 'json' };
import zhCN from './messages/errors.zh-CN.json' with { type: 'json' };
import { TIME_ZONE, type Locale } from './config';

// Error, validation and field-label messages live in their own files (merged into each locale's messages by
// lib/i18n/request.ts) so the server can localize an error without a request context, in any locale.

export const ERROR_MESSAGES = { 'zh-CN': zhCN, en } as const satisfies Record<Locale, unknown>;
export type ErrorMessages = typeof en;
export type AppErrorKey = Exclude<keyof ErrorMessages['errors'], 'code'>;
export type ValidationKey = keyof ErrorMessages['validation'];
export type FieldKey = keyof ErrorMessages['fields'];
export type MessageParams = Record<string, string | number | Date>;

const translators = new Map<Locale, ReturnType<typeof makeTranslator>>();
const makeTranslator = (locale: Locale) =>
  createTranslator({
    locale,
    messages: ERROR_MESSAGES[locale] as ErrorMessages,
    timeZone: TIME_ZONE,
    onError: () => undefined,
  });

/** A translator over the error messages of `locale` (cached; messages never change at run time). */
export function errorTranslator(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = makeTranslator(locale)));
  return t;
}

const has = (section: object, key: string) => Object.prototype.hasOwnProperty.call(section, key);
export const isAppErrorKey = (key: string): key is AppErrorKey => key !== 'code' && has(en.errors, key);
export const isValidationKey = (key: string): key is ValidationKey => has(en.validation, key);
export const isFieldKey = (key: string): key is FieldKey => has(en.fields, key);

/** The localized sentence for an AppError key; the `en` one is also the Error's message (logs, CLI). */
export function formatErrorMessage(locale: Locale, key: AppErrorKey, params?: MessageParams): string {
  return errorTranslator(locale)(`errors.${key}` as never, params as never);
}
