import { z } from 'zod';
import type { CrawlErrorKind } from '@/lib/schemas/enums';
import type { CapturedExchange } from '@/lib/schemas/snapshot';
import { CrawlError, isCrawlError, redactUrl } from '../errors';
import { parseJsonBody, type HttpClient, type HttpRequest } from '../http';
import { endpointOf, requestKey } from './endpoint';

/** Body bytes one crawl keeps in memory for the archive; beyond it exchanges are still listed, without body. */
export const RAW_CAPTURE_MAX_BYTES = 32 * 1024 * 1024;

/** Token fields of auth answers (WeChat `/cgi-bin/token` …): stored as REDACTED so the archive never holds a live credential. */
const TOKEN_FIELDS =
  /("(?:access_token|refresh_token|component_access_token|authorizer_access_token|authorizer_refresh_token|id_token|session_key)"\s*:\s*)"[^"]*"/g;
export const redactBody = (text: string): string => text.replace(TOKEN_FIELDS, '$1"REDACTED"');

export type Capture = { http: HttpClient; exchanges(): CapturedExchange[]; complete(): boolean };

/**
 * Wraps a crawl's HTTP client so every answer the crawler used is kept (bounded) for the raw archive and the health
 * counters. The crawler code is unchanged; ingest stores what this collected (crawlers never write the database).
 */
export function captureHttp(
  inner: HttpClient,
  options: { platform: string; now: () => Date; maxBytes?: number },
): Capture {
  const maxBytes = options.maxBytes ?? RAW_CAPTURE_MAX_BYTES;
  const exchanges: CapturedExchange[] = [];
  let bytes = 0;
  let complete = true;

  const push = (
    request: HttpRequest,
    fields: Omit<CapturedExchange, 'seq' | 'requestKey' | 'endpoint' | 'fetchedAt' | 'parseFailed'>,
  ) => {
    const exchange: CapturedExchange = {
      seq: exchanges.length,
      requestKey: requestKey(request.method, request.url),
      endpoint: endpointOf(options.platform, request.url),
      fetchedAt: options.now(),
      parseFailed: false,
      ...fields,
    };
    exchanges.push(exchange);
    return exchange;
  };

  async function fetchText(request: HttpRequest) {
    try {
      const response = await inner.fetchText(request);
      const body = redactBody(response.text);
      const size = Buffer.byteLength(body);
      const keep = bytes + size <= maxBytes;
      if (keep) bytes += size;
      else complete = false;
      push(request, {
        url: redactUrl(response.url),
        status: response.status,
        contentType: response.headers.get('content-type'),
        body: keep ? body : null,
        errorKind: null,
        errorMessage: null,
      });
      return response;
    } catch (error) {
      const crawlError = isCrawlError(error) ? error : null;
      const kind: CrawlErrorKind = crawlError?.kind ?? 'INTERNAL';
      push(request, {
        url: redactUrl(request.url),
        status: crawlError?.httpStatus ?? null,
        contentType: null,
        body: null,
        errorKind: kind,
        errorMessage: (error instanceof Error ? error.message : String(error)).slice(0, 500),
      });
      throw error;
    }
  }

  async function fetchJson<S extends z.ZodType>(request: HttpRequest & { schema: S }): Promise<z.output<S>> {
    const response = await fetchText({
      ...request,
      headers: { accept: 'application/json, text/plain, */*', ...request.headers },
    });
    try {
      return parseJsonBody(response, request.schema);
    } catch (error) {
      const last = exchanges.at(-1);
      if (last && error instanceof CrawlError && error.kind === 'PARSE') last.parseFailed = true;
      throw error;
    }
  }

  return {
    http: { fetchText, fetchJson, guard: inner.guard },
    exchanges: () => exchanges.map((e) => ({ ...e })),
    complete: () => complete,
  };
}
