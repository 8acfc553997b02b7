import { z } from 'zod';
import { CrawlError } from '../errors';
import { parseJsonBody, type HttpClient, type HttpRequest, type HttpTextResponse } from '../http';
import { createAddressGuard } from '../net/address-guard';
import type { CrawlErrorKind } from '@/lib/schemas/enums';
import { requestKey } from './endpoint';

/** One archived exchange as replay serves it: a body (from raw_response) or the error the request ended with. */
export type ArchivedExchange = {
  requestKey: string;
  url: string;
  status: number | null;
  contentType: string | null;
  /** null with errorKind null: the body is gone (pruned, or beyond the capture bound). */
  body: string | null;
  errorKind: CrawlErrorKind | null;
  errorMessage: string | null;
};

export type Replay = { http: HttpClient; misses(): string[] };

/**
 * An HttpClient that never touches the network: each request is answered with the archived exchange of the same
 * key (in order, when a run asked the same URL more than once). A request the archive cannot answer is recorded as a
 * miss and fails the crawl's request, so the reparse of that run is refused rather than guessed.
 */
export function replayHttp(exchanges: readonly ArchivedExchange[]): Replay {
  const queues = new Map<string, ArchivedExchange[]>();
  for (const e of exchanges) queues.set(e.requestKey, [...(queues.get(e.requestKey) ?? []), e]);
  const used = new Map<string, number>();
  const misses: string[] = [];

  async function fetchText(request: HttpRequest): Promise<HttpTextResponse> {
    const key = requestKey(request.method, request.url);
    const queue = queues.get(key) ?? [];
    const index = used.get(key) ?? 0;
    const exchange = queue[Math.min(index, queue.length - 1)];
    used.set(key, index + 1);
    if (!exchange || (exchange.body === null && exchange.errorKind === null)) {
      misses.push(key);
      throw new CrawlError('INTERNAL', `not in the raw archive: ${key}`, { retryable: false });
    }
    if (exchange.errorKind) {
      throw new CrawlError(exchange.errorKind, exchange.errorMessage ?? `archived ${exchange.errorKind}`, {
        httpStatus: exchange.status,
        retryable: false,
      });
    }
    const headers = new Headers(exchange.contentType ? { 'content-type': exchange.contentType } : {});
    return { status: exchange.status ?? 200, url: exchange.url, headers, text: exchange.body ?? '' };
  }

  async function fetchJson<S extends z.ZodType>(request: HttpRequest & { schema: S }): Promise<z.output<S>> {
    return parseJsonBody(await fetchText(request), request.schema);
  }

  // Nothing is resolved or fetched in replay; the guard only satisfies the type (it refuses every host).
  return { http: { fetchText, fetchJson, guard: createAddressGuard({ allowHosts: [] }) }, misses: () => [...misses] };
}
