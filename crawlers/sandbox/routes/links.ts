import {
  html,
  type SandboxRequest,
  type SandboxResponse,
  type SandboxRoute,
  type SandboxRouteModule,
} from '../route-types';

// Plain web pages for D6 link checks, under `{sandbox}/links/…`: alive, dead (404, 410, 500), redirecting (to a page,
// through a chain to a 404, to a private address the guard must refuse), refusing HEAD, and slow. Scenario posts
// link here so the worker's link checks and the tests exercise the real checker end to end.

const page = (title: string): SandboxResponse =>
  html(`<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`);
const status = (code: number): SandboxResponse => ({ ...page(`HTTP ${code}`), status: code });
const redirect = (code: number, location: string): SandboxResponse => ({
  status: code,
  headers: { location },
  body: '',
});
const local = (r: SandboxRequest, path: string) => `${r.baseUrl}/links${path}`;

/** Same answer to GET and HEAD (the server sends no body for HEAD) unless `head` says otherwise. */
const both = (
  id: string,
  path: RegExp,
  handle: SandboxRoute['handle'],
  head?: SandboxRoute['handle'],
): SandboxRoute[] => [
  { id: `links.${id}`, method: 'GET', pattern: path, handle },
  { id: `links.${id}`, method: 'HEAD', pattern: path, handle: head ?? handle },
];

const delayed = async (ms: number, response: SandboxResponse) => {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return response;
};

export const linkRoutes: SandboxRouteModule = {
  host: 'links',
  routes: [
    ...both('ok', /^\/ok$/, () => page('办事服务')),
    ...both('dead', /^\/dead$/, () => status(404)),
    ...both('gone', /^\/gone$/, () => status(410)),
    ...both('error', /^\/error$/, () => status(500)),
    ...both('status', /^\/status\/(?<code>[1-5]\d\d)$/, (r) => status(Math.max(200, Number(r.params.code)))),
    ...both('redirect', /^\/redirect$/, (r) => redirect(302, local(r, '/ok'))),
    ...both('redirect-dead', /^\/redirect-dead$/, (r) => redirect(301, local(r, '/redirect-dead-2'))),
    ...both('redirect-dead-2', /^\/redirect-dead-2$/, (r) => redirect(302, local(r, '/dead'))),
    ...both('redirect-private', /^\/redirect-private$/, () => redirect(302, 'http://10.0.0.1/admin')),
    ...both(
      'no-head',
      /^\/no-head$/,
      () => page('只接受 GET'),
      () => status(405),
    ),
    // `?ms=` (default 15 s, at most 60 s): longer than the checker's timeout unless told otherwise.
    ...both('slow', /^\/slow$/, (r) => delayed(Math.min(60_000, Number(r.query.get('ms') ?? 15_000) || 0), page('慢'))),
  ],
};
