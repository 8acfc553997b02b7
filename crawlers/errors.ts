import type { CrawlErrorKind } from '@/lib/schemas/enums';

const RETRYABLE_KINDS: ReadonlySet<CrawlErrorKind> = new Set(['NETWORK', 'TIMEOUT', 'RATE_LIMITED']);

/** A typed upstream failure; `message` is already redacted and safe to store or log. */
export class CrawlError extends Error {
  readonly kind: CrawlErrorKind;
  readonly httpStatus: number | null;
  readonly retryable: boolean;
  /** Server-requested wait (Retry-After), honoured by the retry policy. */
  readonly retryAfterMs: number | null;

  constructor(
    kind: CrawlErrorKind,
    message: string,
    options: { httpStatus?: number | null; retryable?: boolean; retryAfterMs?: number | null; cause?: unknown } = {},
  ) {
    super(redactSecrets(message), { cause: options.cause });
    this.name = 'CrawlError';
    this.kind = kind;
    this.httpStatus = options.httpStatus ?? null;
    this.retryable = options.retryable ?? (RETRYABLE_KINDS.has(kind) || isServerError(options.httpStatus));
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

export const isCrawlError = (error: unknown): error is CrawlError => error instanceof CrawlError;

const isServerError = (status: number | null | undefined) => status != null && status >= 500 && status <= 599;

/** Upstream rate-limit statuses: 429 standard, 418 and 432 are Weibo's (docs/platform-formats.md §1.7). */
export const RATE_LIMIT_STATUSES: ReadonlySet<number> = new Set([418, 429, 432]);

/** Maps a final HTTP status to a typed error; null for 2xx. */
export function errorForStatus(status: number, url: string, retryAfterMs: number | null = null): CrawlError | null {
  if (status >= 200 && status < 300) return null;
  const where = `HTTP ${status} from ${redactUrl(url)}`;
  if (RATE_LIMIT_STATUSES.has(status))
    return new CrawlError('RATE_LIMITED', where, { httpStatus: status, retryAfterMs });
  if (status === 401) return new CrawlError('AUTH', where, { httpStatus: status });
  if (status === 403) return new CrawlError('BLOCKED', where, { httpStatus: status });
  if (status === 503) return new CrawlError('HTTP', where, { httpStatus: status, retryAfterMs });
  if (status === 404) return new CrawlError('NOT_FOUND', where, { httpStatus: status });
  if (status === 410) return new CrawlError('DELETED', where, { httpStatus: status });
  return new CrawlError('HTTP', where, { httpStatus: status });
}

const SECRET_PARAMS =
  /^(token|access_token|secret|appsecret|key|pass_ticket|uin|cookie|sub|subp|xsrf-token|password|sign|signature)$/i;

/** Drops the values of credential-like query parameters so URLs can go into messages and logs. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    for (const name of [...url.searchParams.keys()])
      if (SECRET_PARAMS.test(name)) url.searchParams.set(name, 'REDACTED');
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return raw.slice(0, 200);
  }
}

const SECRET_PATTERNS: RegExp[] = [
  /\b(SUB|SUBP|_T_WM|XSRF-TOKEN|MLOGIN|token|access_token|secret|pass_ticket|key|uin)=([^&;\s"']+)/gi,
  /\b(cookie|authorization)\s*:\s*[^\n]+/gi,
];

/** Last line of defence: messages never carry cookies or tokens even if a caller interpolated them. */
export function redactSecrets(message: string): string {
  return SECRET_PATTERNS.reduce(
    (text, pattern) => text.replace(pattern, (_m, name: string) => `${name}=REDACTED`),
    message,
  );
}
