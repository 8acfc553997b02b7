import { isLocale, LOCALE_COOKIE, type Locale } from './config';

/** The first supported language of an Accept-Language header (zh, zh-CN, zh-Hans… → zh-CN; en-* → en). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  const ranked = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.toLowerCase(), q: Number.isNaN(q) ? 0 : q };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return null;
}

function cookieLocale(cookieHeader: string | null | undefined): Locale | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === LOCALE_COOKIE && isLocale(value)) return value;
  }
  return null;
}

/**
 * The locale of the current request: the locale cookie the pages use; API callers without the cookie may ask
 * by Accept-Language (pages ignore it, so a server action answers in the language its page is shown in).
 * With no request at hand it reads Next's request headers; outside a request (tests, CLI) it is null.
 */
export async function requestLocale({
  request,
  acceptLanguage = false,
}: { request?: Request; acceptLanguage?: boolean } = {}): Promise<Locale | null> {
  try {
    const headers = request?.headers ?? (await (await import('next/headers')).headers());
    return (
      cookieLocale(headers.get('cookie')) ??
      (acceptLanguage ? localeFromAcceptLanguage(headers.get('accept-language')) : null)
    );
  } catch {
    return null;
  }
}
