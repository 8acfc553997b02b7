/**
 * Where the services learn the client address for the audit log without knowing about requests: the web layer
 * registers a resolver (lib/auth/request-ip.ts, reading the address scripts/serve.mjs decided); the worker and the
 * CLI register none, so their rows have no address. Kept on globalThis because Next.js may load this module once
 * per server layer.
 */
type Resolver = () => Promise<string | null>;
const KEY = Symbol.for('xunjian.request-ip-resolver');
type GlobalWithResolver = typeof globalThis & { [KEY]?: Resolver };

export function setRequestIpResolver(resolver: Resolver | undefined): void {
  (globalThis as GlobalWithResolver)[KEY] = resolver;
}

/** The current request's client address, or null outside a request (or when it cannot be trusted). */
export async function currentRequestIp(): Promise<string | null> {
  const resolver = (globalThis as GlobalWithResolver)[KEY];
  if (!resolver) return null;
  try {
    return await resolver();
  } catch {
    return null; // outside a request scope headers() throws: a job, a script
  }
}
