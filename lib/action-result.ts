import { z } from 'zod';
import { isAppError, type AppErrorCode } from './errors';

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode; message: string; fieldErrors?: Record<string, string[] | undefined> };

/** Turns anything a service throws into an ActionResult; unknown errors are logged, not shown. */
export function toActionError(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (error instanceof z.ZodError) {
    return { ok: false, code: 'VALIDATION', message: 'Invalid input', fieldErrors: z.flattenError(error).fieldErrors };
  }
  if (isAppError(error)) {
    const fieldErrors = error.code === 'VALIDATION' || error.code === 'CONFLICT' ? fieldErrorsOf(error.details) : undefined;
    return { ok: false, code: error.code, message: error.message, ...(fieldErrors ? { fieldErrors } : {}) };
  }
  console.error('action failed', error);
  return { ok: false, code: 'INTERNAL', message: 'Internal error' };
}

function fieldErrorsOf(details: unknown): Record<string, string[]> | undefined {
  const parsed = z.record(z.string(), z.array(z.string())).safeParse(details);
  return parsed.success ? parsed.data : undefined;
}

export function toErrorResponse(error: unknown): Response {
  const result = toActionError(error);
  const status = { NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHORIZED: 401, CONFLICT: 409, VALIDATION: 400, UPSTREAM: 502, INTERNAL: 500 }[result.code];
  return Response.json({ error: { code: result.code, message: result.message, fieldErrors: result.fieldErrors } }, { status });
}
