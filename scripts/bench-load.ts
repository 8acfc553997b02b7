// npm run bench:load -- --base-url http://127.0.0.1:3000 [--cookie '<session cookie>' | --email … --password …]
//   [--agency-id <uuid>] [--account-id <uuid>] [--clients 50] [--think-ms 1000] [--seconds 30]
//   --base-url takes several comma-separated URLs of instances sharing one database (as a reverse proxy would spread
//   clients over them): client i talks to instance i mod n; the no-think phase runs one autocannon per instance.
// Builds and starts nothing: point it at a running production build (`npm run build && npm start`). Two phases per
// page, loopback only: (1) closed-loop clients that wait --think-ms between requests (p50/p95/rps/errors against
// p95 < 300 ms), (2) autocannon with the same number of connections and no think time (rps against ≥ 150/s).
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

type CannonResult = {
  requests: { average: number };
  latency: { p50: number; p90: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
};
// autocannon ships no types; only the fields read below are typed.
const autocannon = createRequire(import.meta.url)('autocannon') as (
  o: Record<string, unknown>,
) => Promise<CannonResult>;

const { values } = parseArgs({
  options: {
    'base-url': { type: 'string', default: 'http://127.0.0.1:3000' },
    cookie: { type: 'string' },
    email: { type: 'string', default: 'supervisor@demo.xunjian.local' },
    password: { type: 'string', default: 'demo-supervisor-2026' },
    'agency-id': { type: 'string' },
    'account-id': { type: 'string' },
    clients: { type: 'string', default: '50' },
    'think-ms': { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '30' },
  },
});
const bases = values['base-url']!.split(',').map((u) => new URL(u.trim()));
if (bases.some((b) => !['127.0.0.1', 'localhost', '[::1]'].includes(b.hostname))) {
  console.error('bench:load runs against loopback only');
  process.exit(2);
}
const base = bases[0]!;
const clients = Number(values.clients);
const thinkMs = Number(values['think-ms']);
const seconds = Number(values.seconds);

async function signIn(): Promise<string> {
  if (values.cookie) return values.cookie;
  const res = await fetch(new URL('/api/auth/sign-in/email', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base.origin },
    body: JSON.stringify({ email: values.email, password: values.password }),
  });
  const cookies = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!res.ok || !cookies)
    throw new Error(`sign-in failed: HTTP ${res.status} (pass --cookie or a demo --email/--password)`);
  return cookies;
}

const pages: [name: string, path: string][] = [
  ['overview', '/'],
  ...(values['agency-id'] ? [['agency scorecard', `/agencies/${values['agency-id']}`] as [string, string]] : []),
  ...(values['account-id'] ? [['account page', `/accounts/${values['account-id']}`] as [string, string]] : []),
  ['findings queue', '/findings'],
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** `clients` loops of request → wait thinkMs, for `seconds`; a redirect (to /login) counts as an error. */
async function closedLoop(path: string, cookie: string) {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  // Clients start spread over one think time, as people arrive, not all in the same millisecond: 50 clients started
  // together stay in lock-step (a burst of 50 every think time), which measures the burst, not the offered rate.
  const client = async (i: number) => {
    await new Promise((r) => setTimeout(r, (thinkMs * i) / clients));
    while (performance.now() < until) {
      const t0 = performance.now();
      try {
        const res = await fetch(new URL(path, bases[i % bases.length]), { headers: { cookie }, redirect: 'manual' });
        await res.arrayBuffer();
        if (res.status !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, thinkMs));
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    rps: latencies.length / seconds,
    errors,
    n: latencies.length,
  };
}

const cookie = await signIn();
console.log(
  `node ${process.version}, ${new Date().toISOString()}, ${bases.map((b) => b.origin).join(' + ')}, ${clients} clients, think ${thinkMs} ms, ${seconds} s per phase` +
    ' (one untimed request per page first; clients start spread over one think time)',
);
let isPass = true;
for (const [name, path] of pages) {
  // One request first, untimed: a running dashboard has its shared per-scope values cached (lib/cache/read-cache.ts)
  // and its code compiled; the cold computation is timed by bench:dashboard instead.
  for (const b of bases)
    await fetch(new URL(path, b), { headers: { cookie }, redirect: 'manual' }).then((r) => r.arrayBuffer());
  const loop = await closedLoop(path, cookie);
  const cannons = await Promise.all(
    bases.map((b, i) =>
      autocannon({
        url: new URL(path, b).toString(),
        connections: Math.floor(clients / bases.length) + (i < clients % bases.length ? 1 : 0),
        duration: seconds,
        headers: { cookie },
      }),
    ),
  );
  // Several instances: requests/s add up; the latencies shown are the first instance's.
  const cannon = { ...cannons[0]!, requests: { average: cannons.reduce((n, c) => n + c.requests.average, 0) } };
  const errorsNoThink = cannons.reduce((n, c) => n + c.errors + c.timeouts + c.non2xx, 0);
  const ok = loop.p95 < 300 && loop.errors === 0 && cannon.requests.average >= 150 && errorsNoThink === 0;
  isPass &&= ok;
  console.log(
    `${name.padEnd(17)} think: p50 ${loop.p50.toFixed(0)} ms p95 ${loop.p95.toFixed(0)} ms ${loop.rps.toFixed(1)} req/s errors ${loop.errors}/${loop.n}` +
      ` | no think: ${cannon.requests.average.toFixed(1)} req/s p50 ${cannon.latency.p50} ms p90 ${cannon.latency.p90} ms errors ${errorsNoThink} ${ok ? 'ok' : 'MISS'}`,
  );
}
if (pages.length < 4) console.log('agency scorecard / account page skipped: pass --agency-id and --account-id');
console.log(
  `${isPass ? 'PASS' : 'FAIL'}: p95 < 300 ms with ${clients} clients thinking ${thinkMs} ms, ≥ 150 req/s without think time, zero errors, on every page`,
);
process.exitCode = isPass ? 0 : 1;
