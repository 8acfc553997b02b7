import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserFetcher, type BrowserFetcher } from '@/crawlers/browser';
import { createAddressGuard } from '@/crawlers/net/address-guard';

// Two loopback servers: "registered" (allowlisted, like the sandbox in tests) and "internal" (must never be reached).
let registered: Server;
let internal: Server;
let registeredPort = 0;
let internalPort = 0;
const internalHits: string[] = [];
let browser: BrowserFetcher;

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};
const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

beforeAll(async () => {
  internal = createServer((req, res) => {
    internalHits.push(`${req.method} ${req.url}`);
    res.end('internal secret');
  });
  internal.on('connection', (socket: Socket) => internalHits.push(`tcp from ${socket.remotePort}`));
  internal.on('upgrade', (req, socket: Socket) => {
    internalHits.push(`upgrade ${req.url}`);
    socket.destroy();
  });
  internalPort = await listen(internal);
  registered = createServer((req, res) => {
    const inside = `127.0.0.1:${internalPort}`;
    const pages: Record<string, () => void> = {
      '/ok': () => res.end('<html><body><p id="t">registered page</p></body></html>'),
      '/redirect': () => res.writeHead(302, { location: `http://${inside}/secret` }).end(),
      '/redirect-localhost': () => res.writeHead(302, { location: `http://localhost:${internalPort}/secret` }).end(),
      '/redirect-https': () => res.writeHead(302, { location: `https://${inside}/secret` }).end(),
      '/sockets': () =>
        res.end(`<html><body><script>
          try { new WebSocket('ws://${inside}/ws'); } catch (e) {}
          try { new WebSocket('ws://localhost:${internalPort}/ws'); } catch (e) {}
          fetch('http://${inside}/fetch').catch(() => {});
        </script><script src="/slow.js"></script><p>sockets page</p></body></html>`),
      // Holds DOMContentLoaded back long enough for the page's WebSocket and fetch attempts to go out.
      '/slow.js': () => setTimeout(() => res.end('void 0;'), 1500),
    };
    (pages[req.url ?? ''] ?? (() => res.writeHead(404).end()))();
  });
  registeredPort = await listen(registered);
  const guard = createAddressGuard({ allowHosts: [`127.0.0.1:${registeredPort}`] });
  browser = createBrowserFetcher({ guard, timeoutMs: 20_000 });
});

afterAll(async () => {
  await browser?.close();
  await close(registered);
  await close(internal);
});

const page = (path: string) => `http://127.0.0.1:${registeredPort}${path}`;

describe('browser crawler egress', () => {
  it('still reads an allowlisted page (the sandbox mechanism)', async () => {
    const result = await browser.fetchHtml(page('/ok'));
    expect(result.status).toBe(200);
    expect(result.html).toContain('registered page');
  }, 60_000);

  it.each(['/redirect', '/redirect-localhost', '/redirect-https'])(
    'refuses a redirect from a registered page to a private address (%s)',
    async (path) => {
      await expect(browser.fetchHtml(page(path))).rejects.toMatchObject({ kind: 'SSRF_REFUSED' });
      expect(internalHits).toEqual([]);
    },
    60_000,
  );

  it('never lets a page open a WebSocket or fetch to loopback', async () => {
    const result = await browser.fetchHtml(page('/sockets'));
    expect(result.html).toContain('sockets page');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(internalHits).toEqual([]);
  }, 60_000);
});
