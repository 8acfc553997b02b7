import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '@/crawlers/http';

let server: Server;
let port = 0;
beforeAll(async () => {
  server = createServer((req, res) => res.end(`hello ${req.headers.host}`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('DNS pinning in the HTTP client', () => {
  it('connects to the address the guard resolved, resolving the name once (no second lookup to rebind)', async () => {
    const lookups: string[] = [];
    // `.invalid` never resolves through the system resolver: the request only succeeds if the connection uses the guard's answer.
    const http = createHttpClient({
      allowHosts: [`rebind.invalid:${port}`],
      lookup: async (host) => {
        lookups.push(host);
        return [{ address: '127.0.0.1', family: 4 }];
      },
      backoff: { maxRetries: 0 },
    });
    const response = await http.fetchText({ url: `http://rebind.invalid:${port}/x` });
    expect(response.text).toBe(`hello rebind.invalid:${port}`);
    expect(lookups).toEqual(['rebind.invalid']);
  });

  it('refuses a name whose answer is internal at connect time', async () => {
    const http = createHttpClient({
      lookup: async () => [{ address: '10.0.0.7', family: 4 }],
      backoff: { maxRetries: 0 },
    });
    await expect(http.fetchText({ url: `http://internal.invalid:${port}/` })).rejects.toMatchObject({
      kind: 'SSRF_REFUSED',
    });
  });
});
