import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { sandboxOrigins, type Origins } from '../origins';
import { FailurePlan } from './failures';
import type { SandboxRequest, SandboxResponse, SandboxRouteModule, SandboxState } from './route-types';
import { ROUTE_MODULES } from './routes';
import { parseScenario, resolveTime, type Scenario, type ScenarioInput } from './scenario';

export type SandboxRequestLog = {
  method: string;
  host: string;
  path: string;
  query: string;
  routeId: string | null;
  status: number;
  userAgent?: string;
};

export type SandboxHandle = {
  url: string;
  /** Every origin pointed at this sandbox. */
  origins: Origins;
  /** `host:port` for CRAWLER_ALLOW_HOSTS / the guard's allowHosts. */
  hostPort: string;
  requests: SandboxRequestLog[];
  setScenario(scenario: Scenario | ScenarioInput): void;
  setNow(now: Date | null): void;
  close(): Promise<void>;
};

export type StartSandboxOptions = {
  port?: number;
  host?: string;
  scenario: Scenario | ScenarioInput;
  modules?: readonly SandboxRouteModule[];
};

export async function startSandbox(options: StartSandboxOptions): Promise<SandboxHandle> {
  const modules = new Map((options.modules ?? ROUTE_MODULES).map((m) => [m.host, m]));
  let scenario = parseScenario(options.scenario);
  let loadedAt = new Date();
  let plan = new FailurePlan(scenario.failures);
  let override: Date | null = null;
  const requests: SandboxRequestLog[] = [];
  const epoch = () => (scenario.now ? new Date(scenario.now) : loadedAt);
  const state: SandboxState = {
    get scenario() {
      return scenario;
    },
    now: () => override ?? (scenario.now ? new Date(scenario.now) : new Date()),
    time: (value) => resolveTime(value, epoch()),
    findAccount: (platform, handle) =>
      scenario.accounts.find((a) => a.platform === platform && a.handle === handle) ?? null,
    accounts: (platform) => scenario.accounts.filter((a) => a.platform === platform),
  };

  const server = createServer((req, res) => {
    void serve(req, res).catch((error: unknown) => send(res, { status: 500, body: `sandbox error: ${String(error)}` }));
  });

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', baseUrl);
    const [, host = '', ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    const routeModule = modules.get(host);
    const body = await readBody(req);
    const log: SandboxRequestLog = {
      method: req.method ?? 'GET',
      host,
      path,
      query: url.search,
      routeId: null,
      status: 404,
      userAgent: req.headers['user-agent'],
    };
    requests.push(log);
    const request: SandboxRequest = {
      method: log.method,
      path,
      query: url.searchParams,
      headers: req.headers,
      body,
      params: {},
      baseUrl,
    };
    const matched = routeModule?.routes
      .filter((r) => r.method === req.method)
      .map((route) => ({ route, match: route.pattern.exec(path) }))
      .find((m) => m.match && (m.route.matches?.(request) ?? true));
    if (!routeModule || !matched?.match) return send(res, { status: 404, body: 'Not Found' }, log);
    log.routeId = matched.route.id;
    request.params = { ...matched.match.groups };
    const handle = matched.route.handleOf?.(request, state) ?? null;
    // Feed bridges serve other platforms' accounts (we-mp-rss → WECHAT): failures may name either platform.
    const owner = handle ? scenario.accounts.find((a) => a.handle === handle) : undefined;
    const platforms = [
      ...(routeModule.platform ? [routeModule.platform] : []),
      ...(owner && owner.platform !== routeModule.platform ? [owner.platform] : []),
    ];
    const failures = plan.match({ platforms, handle, routeId: matched.route.id, now: state.now(), epoch: epoch() });
    const delay =
      scenario.latencyMs + failures.reduce((sum, f) => sum + (f.kind === 'delay' ? (f.delayMs ?? 1000) : 0), 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const failure = failures.find((f) => f.kind !== 'delay');
    if (failure?.kind === 'status') return send(res, { status: failure.status ?? 500, body: '' }, log);
    if (failure?.kind === 'login_redirect') {
      const location = `${baseUrl}${routeModule.loginRedirectPath ?? `/${host}/login`}?r=${encodeURIComponent(url.toString())}`;
      return send(res, { status: 302, headers: { location }, body: '' }, log);
    }
    if (failure?.kind === 'login_wall')
      return send(res, (routeModule.loginWall ?? defaultLoginWall(host))(request), log);
    if (failure?.kind === 'captcha') return send(res, (routeModule.captcha ?? defaultLoginWall(host))(request), log);
    if (failure?.kind === 'rate_limit')
      return send(res, routeModule.rateLimit?.(request) ?? { status: 429, body: '' }, log);
    const response = await matched.route.handle(request, state);
    if (failure?.kind === 'malformed_json')
      return send(
        res,
        { ...response, body: response.body.slice(0, Math.max(1, Math.floor(response.body.length / 2))) },
        log,
      );
    return send(res, response, log);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('Sandbox did not bind a TCP port');
  const hostPort = `${options.host ?? '127.0.0.1'}:${address.port}`;
  const baseUrl = `http://${hostPort}`;
  return {
    url: baseUrl,
    origins: sandboxOrigins(baseUrl),
    hostPort,
    requests,
    setScenario(next) {
      scenario = parseScenario(next);
      loadedAt = new Date();
      plan = new FailurePlan(scenario.failures);
    },
    setNow(now) {
      override = now;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

const defaultLoginWall = (host: string) => (): SandboxResponse => ({
  status: 302,
  headers: { location: `/${host}/login` },
  body: '',
});

function send(res: ServerResponse, response: SandboxResponse, log?: SandboxRequestLog) {
  if (log) log.status = response.status;
  res.writeHead(response.status, response.headers);
  res.end(response.body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
