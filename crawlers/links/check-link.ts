import type { CrawlErrorKind } from '@/lib/schemas/enums';
import type { LinkCheckOutcome } from '@/lib/schemas/link-check';
import { CrawlError, isCrawlError, redactUrl } from '../errors';
import { createAddressGuard, type LookupAll } from '../net/address-guard';
import { createPinnedFetch } from '../net/pinned-fetch';
import { fetchWithRedirects, MAX_REDIRECTS } from '../net/fetch-hops';
import { HostScheduler, type HostPolicy } from '../net/politeness';

// D6 dead links (docs/crawlers.md "D6 link checks"): one check of one link, through the same address guard, manual
// redirect following and per-host politeness as every crawler request. Pure of the database: it returns a probe.

export type LinkProbe = {
  url: string;
  checkedAt: Date;
  outcome: LinkCheckOutcome;
  /** Status of the last answer (after redirects); null when none came (DNS, TLS, timeout, refused). */
  httpStatus: number | null;
  errorKind: CrawlErrorKind | null;
  /** Why the link is broken or was not checked, redacted; null when alive. */
  reason: string | null;
  /** Where the redirects ended, when they moved. */
  finalUrl: string | null;
  elapsedMs: number;
};

export type LinkChecker = { check(url: string, signal?: AbortSignal): Promise<LinkProbe> };

export type LinkCheckerOptions = {
  fetch?: typeof fetch;
  /** `host` or `host:port` exempt from the private-address refusal (CRAWLER_ALLOW_HOSTS, the sandbox). */
  allowHosts?: readonly string[];
  lookup?: LookupAll;
  /** Per hop, from the moment the request starts (waiting for the host's turn does not count). */
  timeoutMs?: number;
  /** Gap between two requests to one host; one request at a time per host whatever the policy says. */
  hostPolicy?: (host: string) => Partial<HostPolicy> | undefined;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

export const LINK_CHECK_DEFAULTS = { timeoutMs: 10_000, minDelayMs: 1000, jitter: 0.5 } as const;
const USER_AGENT = 'Mozilla/5.0 (compatible; XunjianLinkCheck/1.0; government new-media inspection)';
/** An alive server throttling us says nothing about the link. */
const NOT_AN_ANSWER = new Set([429]);
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A shared checker: one per worker process, so the per-host limit (one request at a time, a gap between starts)
 * spans every account's links.
 */
export function createLinkChecker(options: LinkCheckerOptions = {}): LinkChecker {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? LINK_CHECK_DEFAULTS.timeoutMs;
  const guard = createAddressGuard({ allowHosts: options.allowHosts, lookup: options.lookup });
  const fetchImpl = options.fetch ?? createPinnedFetch(guard);
  const scheduler = new HostScheduler(
    (host) => ({
      minDelayMs: LINK_CHECK_DEFAULTS.minDelayMs,
      jitter: LINK_CHECK_DEFAULTS.jitter,
      ...options.hostPolicy?.(host),
      maxConcurrency: 1,
    }),
    { now, sleep: options.sleep ?? realSleep, random: options.random ?? Math.random },
  );

  /** One hop: its own timeout, headers only (the body is dropped unread: only the status matters). */
  const hopFetch: typeof fetch = async (input, init) => {
    const timer = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timer]) : timer;
    try {
      const response = await fetchImpl(input, { ...init, signal });
      await response.body?.cancel().catch(() => undefined);
      if (response.status < 200 || response.status > 599)
        throw new CrawlError('HTTP', `Unusable HTTP status ${response.status}`, { retryable: false });
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      return new Response(null, { status: response.status, headers });
    } catch (error) {
      if (timer.aborted && !init?.signal?.aborted)
        throw new CrawlError('TIMEOUT', `No answer within ${timeoutMs} ms from ${redactUrl(String(input))}`, {
          cause: error,
        });
      throw error;
    }
  };
  const deps = { fetch: hopFetch, guard, maxBytes: 0, schedule: scheduler.run.bind(scheduler) };

  async function request(url: string, method: 'HEAD' | 'GET', signal: AbortSignal) {
    return fetchWithRedirects({ url, method, headers: { 'user-agent': USER_AGENT, accept: '*/*' }, signal }, deps);
  }

  return {
    async check(url, callerSignal) {
      const started = now();
      const signal = callerSignal ?? new AbortController().signal;
      const probe = (fields: Omit<LinkProbe, 'url' | 'checkedAt' | 'elapsedMs'>): LinkProbe => ({
        url,
        checkedAt: new Date(started),
        elapsedMs: Math.max(0, now() - started),
        ...fields,
      });
      try {
        let answer = await request(url, 'HEAD', signal);
        // Many servers refuse HEAD (405, 501, but also 403/404 on some CDNs): a link is only called broken on a GET answer.
        if (answer.status >= 400) answer = await request(url, 'GET', signal);
        const finalUrl = answer.url !== new URL(url).toString() ? answer.url : null;
        if (NOT_AN_ANSWER.has(answer.status))
          return probe({
            outcome: 'NOT_CHECKED',
            httpStatus: answer.status,
            errorKind: 'RATE_LIMITED',
            reason: `HTTP ${answer.status}: the server throttled the check`,
            finalUrl,
          });
        if (answer.status >= 400)
          return probe({
            outcome: 'BROKEN',
            httpStatus: answer.status,
            errorKind: null,
            reason: `HTTP ${answer.status}${finalUrl ? ` at ${redactUrl(finalUrl)}` : ''}`,
            finalUrl,
          });
        return probe({ outcome: 'OK', httpStatus: answer.status, errorKind: null, reason: null, finalUrl });
      } catch (error) {
        return probe(classifyFailure(error, callerSignal));
      }
    },
  };
}

/** A refused target or a caller's abort is no check of the link; DNS, TLS, connection, timeout and redirect loops are. */
function classifyFailure(
  error: unknown,
  callerSignal: AbortSignal | undefined,
): Omit<LinkProbe, 'url' | 'checkedAt' | 'elapsedMs'> {
  const none = { httpStatus: null, finalUrl: null };
  if (callerSignal?.aborted)
    return {
      ...none,
      outcome: 'NOT_CHECKED',
      errorKind: 'TIMEOUT',
      reason: 'Check aborted by the job (time budget or shutdown)',
    };
  if (isCrawlError(error)) {
    if (error.kind === 'SSRF_REFUSED')
      return { ...none, outcome: 'NOT_CHECKED', errorKind: error.kind, reason: error.message };
    const tooMany = error.kind === 'HTTP' && /Too many redirects/.test(error.message);
    return {
      ...none,
      outcome: 'BROKEN',
      errorKind: error.kind,
      reason: tooMany ? `More than ${MAX_REDIRECTS} redirects` : error.message,
    };
  }
  if (error instanceof TypeError && error.message === 'Invalid URL')
    return { ...none, outcome: 'BROKEN', errorKind: 'HTTP', reason: 'Invalid URL' };
  return { ...none, outcome: 'BROKEN', errorKind: 'NETWORK', reason: networkReason(error) };
}

/** undici wraps the socket error: `fetch failed` → cause `{ code: 'CERT_HAS_EXPIRED' | 'ECONNREFUSED' … }`. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code =
    cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string' ? cause.code : null;
  const message = cause instanceof Error ? cause.message : String(cause);
  const tls =
    code !== null &&
    (/^(CERT_|ERR_TLS|ERR_SSL|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|HOSTNAME_MISMATCH)/.test(code) ||
      code.startsWith('ERR_SSL'));
  return `${tls ? 'TLS error' : 'Network error'}${code ? ` ${code}` : ''}: ${message}`.slice(0, 300);
}
