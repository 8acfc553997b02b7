import { createServer, type IncomingMessage } from 'node:http';
import { connect as netConnect, type AddressInfo, type Socket } from 'node:net';

/** A tiny forward proxy for tests: answers CONNECT only and records every CONNECT target and its credentials. */
export type RecordingProxy = {
  url: string;
  port: number;
  connects: string[];
  authorizations: (string | undefined)[];
  close(): Promise<void>;
};

/** `credentials` (`user:password`): without the matching Basic header the proxy answers 407. */
export async function startConnectProxy(options: { credentials?: string } = {}): Promise<RecordingProxy> {
  const connects: string[] = [];
  const authorizations: (string | undefined)[] = [];
  const expected = options.credentials ? `Basic ${Buffer.from(options.credentials).toString('base64')}` : undefined;
  const server = createServer((_req, res) => res.writeHead(405, { connection: 'close' }).end());
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const authority = req.url ?? '';
    connects.push(authority);
    authorizations.push(req.headers['proxy-authorization']);
    client.on('error', () => client.destroy());
    if (expected && req.headers['proxy-authorization'] !== expected) {
      return void client.end('HTTP/1.1 407 Proxy Authentication Required\r\nconnection: close\r\n\r\n');
    }
    const colon = authority.lastIndexOf(':');
    const host = authority.slice(0, colon).replace(/^\[|\]$/g, '');
    const upstream = netConnect(Number(authority.slice(colon + 1)), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connects,
    authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (bound, then released). */
export async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// Self-signed P-256 certificate for `tunnel.invalid` only (test use), trusted through `ca`. Valid from 2000 to 2123:
// CI runs the suites again under a faked clock (faketime), which must not fall before the certificate's start.
export const TUNNEL_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgKRJUYjVjVzvB3UnD
585IkmoC/bs7l6KAQG2o69arf2ihRANCAASVRJEOBHy8KSEAcepGAsuDGkR9MFwM
vchp2g+0bF7PQ1Xu70CqHKEmon3RSvHxu+hGYYwx8/y//HOGMDyRm1AM
-----END PRIVATE KEY-----
`;
export const TUNNEL_CERT = `-----BEGIN CERTIFICATE-----
MIIBpTCCAUqgAwIBAgIUJ8OLAINuYQJRmEjyuAAyf3U74C4wCgYIKoZIzj0EAwIw
GTEXMBUGA1UEAwwOdHVubmVsLmludmFsaWQwIBcNMDAwMTAxMDAwMDAwWhgPMjEy
MzAzMTcwMDAwMDBaMBkxFzAVBgNVBAMMDnR1bm5lbC5pbnZhbGlkMFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAElUSRDgR8vCkhAHHqRgLLgxpEfTBcDL3IadoPtGxe
z0NV7u9AqhyhJqJ90Urx8bvoRmGMMfP8v/xzhjA8kZtQDKNuMGwwHQYDVR0OBBYE
FDmDe9zUnkkQTsXl4BPDqbCkXDAJMB8GA1UdIwQYMBaAFDmDe9zUnkkQTsXl4BPD
qbCkXDAJMBkGA1UdEQQSMBCCDnR1bm5lbC5pbnZhbGlkMA8GA1UdEwEB/wQFMAMB
Af8wCgYIKoZIzj0EAwIDSQAwRgIhAMIdPL9hDr+zvpZ6pZ9V1UpaF0HLA6N4Fvz/
pjEkNcOUAiEA0cHKtgj70SK5/wZV9MrXKcL2m7LvUeLDNLcU4BxlFc8=
-----END CERTIFICATE-----
`;
