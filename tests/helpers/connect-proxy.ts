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

// Self-signed P-256 certificate for `tunnel.invalid` only (test use; valid until 2126), trusted through `ca`.
export const TUNNEL_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgmZ4GYBGofj3tppi0
hwwG25ViJF1+Id7oiTMVTTPQtiehRANCAAQ9ExQjYmf5QOPegn8l65SkwyJP8gb+
9crBSiCNhhWe2UwsKNXZZu31HvFc7t2iSTkILC866g/pya3yjtyBHTh6
-----END PRIVATE KEY-----
`;
export const TUNNEL_CERT = `-----BEGIN CERTIFICATE-----
MIIBpDCCAUqgAwIBAgIUOThLI3ASHv8MCRLLRbteNb0PSUQwCgYIKoZIzj0EAwIw
GTEXMBUGA1UEAwwOdHVubmVsLmludmFsaWQwIBcNMjYxMjA0MjAzNzEyWhgPMjEy
NjExMTAyMDM3MTJaMBkxFzAVBgNVBAMMDnR1bm5lbC5pbnZhbGlkMFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAEPRMUI2Jn+UDj3oJ/JeuUpMMiT/IG/vXKwUogjYYV
ntlMLCjV2Wbt9R7xXO7dokk5CCwvOuoP6cmt8o7cgR04eqNuMGwwHQYDVR0OBBYE
FEGKDnTg7P5RjYYHPAvhA4c/Ul2dMB8GA1UdIwQYMBaAFEGKDnTg7P5RjYYHPAvh
A4c/Ul2dMBkGA1UdEQQSMBCCDnR1bm5lbC5pbnZhbGlkMA8GA1UdEwEB/wQFMAMB
Af8wCgYIKoZIzj0EAwIDSAAwRQIhAKofFVbN7txersK9X+7h7F7LN7qsL6Baw6/r
Elrsze85AiBAsXRzyFyi8zyTPN3FaG+nIIkhrU6CNC2L7hVDVxtxGg==
-----END CERTIFICATE-----
`;
