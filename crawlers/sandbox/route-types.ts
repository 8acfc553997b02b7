import type { PlatformCode } from '@/lib/schemas/enums';
import type { SandboxAccount, Scenario } from './scenario';

export type SandboxRequest = {
  method: string;
  /** Path below the host mount, e.g. `/api/container/getIndex`. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Named groups of the route's path pattern. */
  params: Record<string, string>;
  /** Sandbox base URL (`http://127.0.0.1:port`), for absolute links. */
  baseUrl: string;
};

export type SandboxResponse = { status: number; headers?: Record<string, string>; body: string };

export type SandboxState = {
  scenario: Scenario;
  /** Sandbox clock: setNow() override, else the scenario's `now`, else real time. */
  now(): Date;
  /** Scenario time (ISO or "-3d") resolved against the scenario epoch. */
  time(value: string): Date;
  findAccount(platform: PlatformCode, handle: string): SandboxAccount | null;
  accounts(platform: PlatformCode): SandboxAccount[];
};

export type SandboxRoute = {
  /** Stable id used by scenario failures, e.g. `weibo.timeline`. */
  id: string;
  method: 'GET' | 'POST' | 'HEAD';
  pattern: RegExp;
  /** Extra condition, for routes that share a path and differ by query (Weibo getIndex containers). */
  matches?: (request: SandboxRequest) => boolean;
  /** Account the request is about, so per-account failures can apply. */
  handleOf?: (request: SandboxRequest, state: SandboxState) => string | null;
  handle(request: SandboxRequest, state: SandboxState): SandboxResponse | Promise<SandboxResponse>;
};

/** One upstream host's routes; add a file under routes/ and list it in routes/index.ts. */
export type SandboxRouteModule = {
  /** Upstream host name, used as the first path segment (`/m.weibo.cn/...`). */
  host: string;
  /** The platform whose accounts it serves; none for plain web pages (the D6 link targets). */
  platform?: PlatformCode;
  routes: SandboxRoute[];
  /** The platform's own "log in first" answer; defaults to a 302 to `/{host}/login`. */
  loginWall?: (request: SandboxRequest) => SandboxResponse;
  /** Where a `login_redirect` failure sends the client (sandbox path, e.g. `/passport.weibo.cn/signin/login`). */
  loginRedirectPath?: string;
  /** The platform's captcha/verification answer. */
  captcha?: (request: SandboxRequest) => SandboxResponse;
  /** The platform's throttling answer (e.g. WeChat `ret: 200013` in a 200 JSON); defaults to HTTP 429. */
  rateLimit?: (request: SandboxRequest) => SandboxResponse;
};

export const json = (value: unknown, status = 200): SandboxResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(value),
});

export const html = (body: string, status = 200): SandboxResponse => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body,
});

export const xml = (body: string, contentType = 'application/xml', status = 200): SandboxResponse => ({
  status,
  headers: { 'content-type': `${contentType}; charset=utf-8` },
  body,
});
