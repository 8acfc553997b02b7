import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, TIME_ZONE } from './config';
import { ERROR_MESSAGES } from './error-messages';

export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
  // Error, validation and field-label messages are kept apart (lib/i18n/error-messages.ts) and merged here.
  const messages = { ...(await import(`./messages/${locale}.json`)).default, ...ERROR_MESSAGES[locale] };
  return { locale, messages, timeZone: TIME_ZONE, now: new Date() };
});
