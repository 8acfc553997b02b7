import { z } from 'zod';
import { CrawlError, errorForStatus, isCrawlError, redactUrl } from './errors';
import { createAddressGuard, type AddressGuard, type LookupAll } from './net/address-guard';
import { decideRetry, DEFAULT_BACKOFF, parseRetryAfter, type BackoffPolicy } from './net/backoff';
import { CircuitBreaker, DEFAULT_BREAKER } from './net/circuit-breaker';
import { fetchWithRedirects } from './net/fetch-hops';
import { createPinnedFetch } from './net/pinned-fetch';
import { DEFAULT_HOST_POLICY, HostScheduler, type HostPolicy } from './net/politeness';
import type { UpstreamProxy } from './net/proxy-config';

export type HttpRequest = {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Circuit-breaker scope, normally the platform code; defaults to the URL host. */
  scope?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Maps a redirect target (e.g. a passport login page) to a typed error before following it. */
  classifyRedirect?: (location: URL) => CrawlError | null;
  /** Non-2xx statuses handed back to the caller instead of thrown (to read an error body). */
  acceptStatuses?: readonly number[];
};

export type HttpTextResponse = { status: number; url: string; headers: Headers; text: string };

export type HttpClient = {
  fetchText(request: HttpRequest): Promise<HttpTextResponse>;
  fetchJson<S extends z.ZodType>(request: HttpRequest & { schema: S }): Promise<z.output<S>>;
  readonly guard: AddressGuard;
};

export type HttpLogEntry = {
  event: 'crawl_request_failed';
  scope: string;
  url: string;
  kind: string;
  status: number | null;
  attempt: number;
  ms: number;
  /** The egress identity whose proxy carried the request (absent: direct). */
  egress?: string;
};

export type HttpClientOptions = {
  fetch?: typeof fetch;
  allowHosts?: readonly string[];
  lookup?: LookupAll;
  timeoutMs?: number;
  maxBytes?: number;
  backoff?: Partial<BackoffPolicy>;
  breaker?: Partial<typeof DEFAULT_BREAKER>;
  hostPolicy?: (host: string) => Partial<HostPolicy> | undefined;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  log?: (entry: HttpLogEntry) => void;
  /** The egress identity's forward proxy (CRAWL_EGRESS_PROXIES); absent = direct connections. */
  proxy?: UpstreamProxy;
  /** Extra trusted CA certificates, for tests with a local TLS server. */
  ca?: string | string[];
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const policy: BackoffPolicy = { ...DEFAULT_BACKOFF, ...options.backoff };
  const breakerOptions = { ...DEFAULT_BREAKER, ...options.breaker, now };
  const breakers = new Map<string, CircuitBreaker>();
  const guard = createAddressGuard({ allowHosts: options.allowHosts, lookup: options.lookup });
  // Default: connect to the address the guard checked (DNS pinning); tests inject their own fetch.
  const fetchImpl = options.fetch ?? createPinnedFetch(guard, { proxy: options.proxy, ca: options.ca });
  const scheduler = new HostScheduler((host) => ({ ...DEFAULT_HOST_POLICY, ...options.hostPolicy?.(host) }), {
    now,
    sleep,
    random,
  });
  const deps = {
    fetch: fetchImpl,
    guard,
    maxBytes: options.maxBytes ?? 8 * 1024 * 1024,
    schedule: scheduler.run.bind(scheduler),
  };

  const breakerFor = (scope: string) => {
    let breaker = breakers.get(scope);
    if (!breaker) breakers.set(scope, (breaker = new CircuitBreaker(breakerOptions)));
    return breaker;
  };

  async function attemptOnce(request: HttpRequest): Promise<HttpTextResponse> {
    const timeout = AbortSignal.timeout(request.timeoutMs ?? options.timeoutMs ?? 20_000);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    try {
      const raw = await fetchWithRedirects(
        {
          url: request.url,
          method: request.method ?? 'GET',
          headers: request.headers ?? {},
          body: request.body,
          signal,
          classifyRedirect: request.classifyRedirect,
        },
        deps,
      );
      const response = {
        status: raw.status,
        url: raw.url,
        headers: raw.headers,
        text: new TextDecoder().decode(raw.body),
      };
      const retryAfterMs = parseRetryAfter(raw.headers.get('retry-after'), new Date(now()));
      const statusError = request.acceptStatuses?.includes(raw.status)
        ? null
        : errorForStatus(raw.status, raw.url, retryAfterMs);
      if (statusError) throw statusError;
      return response;
    } catch (error) {
      throw toCrawlError(error, request, timeout);
    }
  }

  async function fetchText(request: HttpRequest): Promise<HttpTextResponse> {
    const scope = request.scope ?? new URL(request.url).host;
    const breaker = breakerFor(scope);
    for (let attempt = 1; ; attempt += 1) {
      if (!breaker.tryAcquire()) {
        throw new CrawlError(
          'CIRCUIT_OPEN',
          `Circuit open for ${scope}; next trial in ${Math.ceil(breaker.retryInMs() / 1000)} s`,
          { retryable: true },
        );
      }
      const started = now();
      try {
        const response = await attemptOnce(request);
        breaker.recordSuccess();
        return response;
      } catch (caught) {
        const error =
          caught instanceof CrawlError ? caught : new CrawlError('INTERNAL', String(caught), { retryable: false });
        if (error.retryable) breaker.recordFailure();
        else if (error.httpStatus !== null) breaker.recordSuccess();
        else breaker.releaseTrial();
        options.log?.({
          event: 'crawl_request_failed',
          scope,
          url: redactUrl(request.url),
          kind: error.kind,
          status: error.httpStatus,
          attempt,
          ms: now() - started,
          ...(options.proxy ? { egress: options.proxy.identity } : {}),
        });
        const decision = decideRetry({
          policy,
          kind: error.kind,
          retryable: error.retryable,
          attempt,
          random,
          retryAfterMs: error.retryAfterMs,
        });
        if (!decision.retry || request.signal?.aborted || breaker.state === 'OPEN') throw error;
        await sleep(decision.delayMs);
      }
    }
  }

  async function fetchJson<S extends z.ZodType>(request: HttpRequest & { schema: S }): Promise<z.output<S>> {
    const response = await fetchText({
      ...request,
      headers: { accept: 'application/json, text/plain, */*', ...request.headers },
    });
    return parseJsonBody(response, request.schema);
  }

  return { fetchText, fetchJson, guard };
}

/** Parses a JSON body against a zod schema; malformed JSON and shape drift both become PARSE errors. */
export function parseJsonBody<S extends z.ZodType>(response: HttpTextResponse, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch {
    throw new CrawlError(
      'PARSE',
      `Malformed JSON (HTTP ${response.status}) from ${redactUrl(response.url)}: ${response.text.slice(0, 80)}`,
      { httpStatus: response.status },
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new CrawlError(
      'PARSE',
      `Unexpected JSON shape from ${redactUrl(response.url)}: ${z.prettifyError(parsed.error).slice(0, 300)}`,
      { httpStatus: response.status },
    );
  }
  return parsed.data;
}

function toCrawlError(error: unknown, request: HttpRequest, timeout: AbortSignal): CrawlError {
  if (isCrawlError(error)) return error;
  const where = redactUrl(request.url);
  if (request.signal?.aborted)
    return new CrawlError('TIMEOUT', `Aborted by caller: ${where}`, { retryable: false, cause: error });
  if (timeout.aborted) return new CrawlError('TIMEOUT', `Timed out: ${where}`, { cause: error });
  const reason =
    error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
  return new CrawlError('NETWORK', `Network error for ${where}: ${reason}`, { cause: error });
}
