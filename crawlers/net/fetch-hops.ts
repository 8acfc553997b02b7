import { CrawlError, redactUrl } from '../errors';
import type { AddressGuard } from './address-guard';

export const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = ['cookie', 'authorization', 'x-xsrf-token'];

export type HopRequest = {
  url: string;
  method: 'GET' | 'POST' | 'HEAD';
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  classifyRedirect?: (location: URL) => CrawlError | null;
};

export type RawResponse = { status: number; url: string; headers: Headers; body: Uint8Array };

export type HopDeps = {
  fetch: typeof fetch;
  guard: AddressGuard;
  maxBytes: number;
  /** Wraps each network request (per-host politeness). */
  schedule: <T>(host: string, task: () => Promise<T>) => Promise<T>;
};

/** Follows redirects by hand so that the address guard and the login-wall check see every hop. */
export async function fetchWithRedirects(request: HopRequest, deps: HopDeps): Promise<RawResponse> {
  let url = new URL(request.url);
  let { method, body } = request;
  let headers = { ...request.headers };
  for (let hop = 0; ; hop += 1) {
    await deps.guard.assertAllowed(url);
    const target = url;
    const response = await deps.schedule(target.host, () =>
      deps.fetch(target, { method, headers, body, redirect: 'manual', signal: request.signal }),
    );
    const location = response.headers.get('location');
    if (!REDIRECT_STATUSES.has(response.status) || !location) {
      return {
        status: response.status,
        url: url.toString(),
        headers: response.headers,
        body: await readBody(response, deps.maxBytes),
      };
    }
    await response.body?.cancel();
    const next = new URL(location, url);
    const classified = request.classifyRedirect?.(next);
    if (classified) throw classified;
    if (hop + 1 > MAX_REDIRECTS) {
      throw new CrawlError('HTTP', `Too many redirects (>${MAX_REDIRECTS}) from ${redactUrl(request.url)}`, {
        retryable: false,
      });
    }
    if (next.origin !== url.origin) headers = withoutCredentials(headers);
    if (
      (response.status === 303 && method !== 'HEAD') ||
      ((response.status === 301 || response.status === 302) && method === 'POST')
    ) {
      method = 'GET';
      body = undefined;
    }
    url = next;
  }
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.includes(name.toLowerCase())),
  );
}

async function readBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new CrawlError('HTTP', `Response of ${declared} bytes exceeds the ${maxBytes}-byte limit`, {
      retryable: false,
    });
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new CrawlError('HTTP', `Response exceeds the ${maxBytes}-byte limit`, { retryable: false });
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks);
}
