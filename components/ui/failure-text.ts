import type { ActionResult } from '@/lib/action-result';

const separator = (locale: string) => (locale === 'en' ? '; ' : '；');

/** Sentences of one field joined for the locale; undefined when there are none. */
export function fieldErrorText(sentences: string[] | undefined, locale: string): string | undefined {
  return sentences && sentences.length > 0 ? sentences.join(separator(locale)) : undefined;
}

/**
 * What a form shows for a failed action: the localized sentence of each field error (each names its field),
 * else the localized message. Never field paths or codes.
 */
export function failureText(result: Extract<ActionResult<unknown>, { ok: false }>, locale: string): string {
  const sentences = [...new Set(Object.values(result.fieldErrors ?? {}).flatMap((v) => v ?? []))];
  return fieldErrorText(sentences, locale) ?? result.message;
}
