import { formatErrorMessage, type AppErrorKey, type MessageParams } from './i18n/error-messages';

export const APP_ERROR_CODES = [
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'CONFLICT',
  'VALIDATION',
  'UPSTREAM',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];
export type { AppErrorKey, MessageParams };

type AppErrorOptions = {
  params?: MessageParams;
  /** The input field the error is about: the UI shows the sentence next to it. */
  field?: string;
  cause?: unknown;
  /** Machine-readable details; a record of field → codes reaches the form as-is (the edition editor reads codes). */
  details?: unknown;
};

/**
 * An expected failure of a use case. It carries a message key (lib/i18n/messages/errors.*.json) and its
 * params, so the action layer can say it in the user's language; `message` is the English sentence for logs
 * and the CLI.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly key: AppErrorKey;
  readonly params?: MessageParams;
  readonly field?: string;
  readonly details?: unknown;

  constructor(code: AppErrorCode, key: AppErrorKey, options: AppErrorOptions = {}) {
    super(formatErrorMessage('en', key, options.params), { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.key = key;
    this.params = options.params;
    this.field = options.field;
    this.details = options.details;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** Things a NOT_FOUND names (errors.notFound selects on them). */
export type NotFoundThing =
  | 'account'
  | 'agency'
  | 'apiToken'
  | 'award'
  | 'credential'
  | 'edition'
  | 'grant'
  | 'inspection'
  | 'lexicon'
  | 'rectification'
  | 'user';
export const notFound = (thing: NotFoundThing, details?: unknown) =>
  new AppError('NOT_FOUND', 'notFound', { params: { thing }, details });
