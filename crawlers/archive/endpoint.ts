import { redactUrl } from '../errors';

/**
 * Replay lookup key of a request: method and URL with credential-like query values replaced (tokens, keys, cookies
 * rotate between runs and must never be stored). The body is left out on purpose: POST bodies may carry secrets.
 */
export function requestKey(method: string | undefined, url: string): string {
  return `${(method ?? 'GET').toUpperCase()} ${redactUrl(url)}`;
}

const platformPrefix = (platform: string) => platform.toLowerCase().replace(/_/g, '-');

/**
 * Interface name of a request for the health counters. Known interfaces get the names their parse issues carry
 * (`weibo:getIndex/timeline`, `wechat:appmsgpublish/list_ex` …) so dropped items and requests count on one row;
 * anything else is `<platform>:<last path segments>` with ids folded to `:id`.
 */
export function endpointOf(platform: string, rawUrl: string): string {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return `${platformPrefix(platform)}:unknown`;
  }
  const path = url.pathname;
  if (path.endsWith('/api/container/getIndex')) {
    const container = url.searchParams.get('containerid') ?? '';
    return container.startsWith('107603') ? 'weibo:getIndex/timeline' : 'weibo:getIndex/profile';
  }
  if (path.endsWith('/comments/hotflow')) return 'weibo:comments/hotflow';
  if (path.endsWith('/cgi-bin/appmsgpublish')) return 'wechat:appmsgpublish/list_ex';
  if (path.endsWith('/cgi-bin/appmsg')) return `wechat:appmsg/${url.searchParams.get('action') ?? 'list'}`;
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((s) => (/\d{4,}|^[0-9a-f]{16,}$/i.test(s) ? ':id' : s));
  return `${platformPrefix(platform)}:${segments.slice(-2).join('/') || '/'}`.slice(0, 200);
}
