import { z } from 'zod';
import { DEFAULT_LOCALE, type Locale } from './i18n/config';
import { errorTranslator, formatErrorMessage } from './i18n/error-messages';
import { localizeZodError } from './i18n/localize-zod';
import { requestLocale } from './i18n/request-locale';
import { isAppError, type AppErrorCode } from './errors';

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode; message: string; fieldErrors?: Record<string, string[] | undefined> };
export type ActionFailure = Extract<ActionResult<never>, { ok: false }>;
export { localizeZodError };

/** Turns anything a service throws into an ActionResult in `locale`; unknown errors are logged, not shown. */
export function localizeError(error: unknown, locale: Locale): ActionFailure {
  if (error instanceof z.ZodError) return localizeZodError(error, locale);
  if (isAppError(error)) {
    const message = formatErrorMessage(locale, error.key, error.params);
    const fieldErrors = error.field ? { [error.field]: [message] } : fieldCodesOf(error.details);
    return { ok: false, code: error.code, message, ...(fieldErrors ? { fieldErrors } : {}) };
  }
  console.error('action failed', error);
  return { ok: false, code: 'INTERNAL', message: errorTranslator(locale)('errors.code.INTERNAL') };
}

/** Machine codes per field (the edition editor translates them itself); anything else is not shown. */
function fieldCodesOf(details: unknown): Record<string, string[]> | undefined {
  const parsed = z.record(z.string(), z.array(z.string())).safeParse(details);
  return parsed.success ? parsed.data : undefined;
}

/** The ActionResult of a failed server action, in the locale of the request (cookie), zh-CN outside one. */
export async function toActionError(error: unknown, locale?: Locale): Promise<ActionFailure> {
  return localizeError(error, locale ?? (await requestLocale()) ?? DEFAULT_LOCALE);
}

const STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  CONFLICT: 409,
  VALIDATION: 400,
  UPSTREAM: 502,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** An API error response `{error: {code, message, fieldErrors}}`, localized by the locale cookie or Accept-Language. */
export async function toErrorResponse(error: unknown, request?: Request): Promise<Response> {
  const result = localizeError(error, (await requestLocale({ request, acceptLanguage: true })) ?? DEFAULT_LOCALE);
  return Response.json(
    { error: { code: result.code, message: result.message, fieldErrors: result.fieldErrors } },
    { status: STATUS[result.code] },
  );
}
