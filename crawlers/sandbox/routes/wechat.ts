import {
  html,
  json,
  type SandboxRequest,
  type SandboxResponse,
  type SandboxRoute,
  type SandboxRouteModule,
  type SandboxState,
} from '../route-types';
import type { SandboxAccount, SandboxPost } from '../scenario';
import {
  appmsgex,
  articleExtra,
  articleHtml,
  articleLink,
  fakeidOf,
  isDeleted,
  publishedPosts,
  publishPage,
  STATUS_PAGES,
  wechatExtra,
} from './wechat-wire';
import { sandboxPathOf } from '../../origins';

// mp.weixin.qq.com: MP-backend list APIs (docs/platform-formats.md §2.2) and article pages (§2.4).

const INVALID_SESSION = { base_resp: { ret: 200003, err_msg: 'invalid session' } };
const FREQ_CONTROL = { base_resp: { ret: 200013, err_msg: 'freq control' } };
const INVALID_ARGS = { base_resp: { ret: 200002, err_msg: 'invalid args' } };

const isBackend = (r: SandboxRequest) => r.path.startsWith('/cgi-bin/');
const byFakeid = (state: SandboxState, fakeid: string | null) =>
  state.accounts('WECHAT').find((a) => fakeidOf(a) === fakeid) ?? null;

/** A backend call needs the session cookie and the token (digits) from the login redirect. */
const hasSession = (r: SandboxRequest) => Boolean(r.headers.cookie) && /^\d+$/.test(r.query.get('token') ?? '');

function paging(r: SandboxRequest) {
  const begin = Math.max(0, Number(r.query.get('begin') ?? 0) || 0);
  const count = Math.min(20, Math.max(1, Number(r.query.get('count') ?? 5) || 5));
  return { begin, count };
}

function backend(handler: (r: SandboxRequest, state: SandboxState) => SandboxResponse) {
  return (r: SandboxRequest, state: SandboxState) => (hasSession(r) ? handler(r, state) : json(INVALID_SESSION));
}

function searchbiz(r: SandboxRequest, state: SandboxState) {
  const query = r.query.get('query') ?? '';
  const { begin, count } = paging(r);
  const hits = state
    .accounts('WECHAT')
    .filter((a) => query && a.profile.displayName.includes(query) && a.status !== 'CLOSED');
  const list = hits.slice(begin, begin + count).map((a) => ({
    fakeid: fakeidOf(a),
    nickname: a.profile.displayName,
    alias: wechatExtra(a).alias ?? '',
    round_head_img: a.profile.avatarUrl ?? '',
    service_type: wechatExtra(a).serviceType,
    signature: a.profile.description,
    verify_status: a.profile.verified ? 2 : 0,
  }));
  return json({ base_resp: { ret: 0, err_msg: 'ok' }, list, total: hits.length });
}

function appmsgpublish(r: SandboxRequest, state: SandboxState) {
  const account = byFakeid(state, r.query.get('fakeid'));
  if (!account || account.status === 'CLOSED') return json(INVALID_ARGS);
  const { begin, count } = paging(r);
  const posts = publishedPosts(account, state);
  const slice = posts.slice(begin, begin + count);
  // The end of the list is an empty publish_list (§2.2).
  return json({ base_resp: { ret: 0, err_msg: 'ok' }, publish_page: publishPage(account, slice, posts.length, state) });
}

function appmsgList(r: SandboxRequest, state: SandboxState) {
  const account = byFakeid(state, r.query.get('fakeid'));
  if (!account || account.status === 'CLOSED') return json(INVALID_ARGS);
  const { begin, count } = paging(r);
  const posts = publishedPosts(account, state).filter((p) => !isDeleted(p, state));
  const slice = posts.slice(begin, begin + count);
  if (slice.length === 0) return json({ base_resp: { ret: 0, err_msg: 'ok' }, app_msg_cnt: posts.length });
  return json({
    base_resp: { ret: 0, err_msg: 'ok' },
    app_msg_cnt: posts.length,
    app_msg_list: slice.map((p) => ({ ...appmsgex(account, p, state), tagid: [] })),
  });
}

function findArticle(r: SandboxRequest, state: SandboxState): { account: SandboxAccount; post: SandboxPost } | null {
  const mid = r.query.get('mid') ?? r.query.get('appmsgid');
  for (const account of state.accounts('WECHAT')) {
    const post = account.posts.find((p) =>
      mid
        ? p.id === mid
        : r.params.code !== undefined && new URL(articleLink(account, p)).pathname === `/s/${r.params.code}`,
    );
    if (post) return { account, post };
  }
  return null;
}

function article(r: SandboxRequest, state: SandboxState) {
  const found = findArticle(r, state);
  if (!found || state.time(found.post.publishedAt) > state.now()) return html(STATUS_PAGES.invalid);
  const { account, post } = found;
  if (account.status === 'BANNED') return html(STATUS_PAGES.accountBlocked);
  if (account.status === 'CLOSED') return html(STATUS_PAGES.accountClosed);
  if (isDeleted(post, state)) return html(STATUS_PAGES.deleted);
  if (articleExtra(account, post).violation) return html(STATUS_PAGES.violation);
  return html(articleHtml(account, post, state));
}

const handleOfArticle = (r: SandboxRequest, state: SandboxState) => findArticle(r, state)?.account.handle ?? null;
const handleOfFakeid = (r: SandboxRequest, state: SandboxState) =>
  byFakeid(state, r.query.get('fakeid'))?.handle ?? null;

export const WECHAT_MP_ROUTES: SandboxRoute[] = [
  { id: 'wechat.searchbiz', method: 'GET', pattern: /^\/cgi-bin\/searchbiz$/, handle: backend(searchbiz) },
  {
    id: 'wechat.appmsgpublish',
    method: 'GET',
    pattern: /^\/cgi-bin\/appmsgpublish$/,
    handleOf: handleOfFakeid,
    handle: backend(appmsgpublish),
  },
  {
    id: 'wechat.appmsg',
    method: 'GET',
    pattern: /^\/cgi-bin\/appmsg$/,
    handleOf: handleOfFakeid,
    handle: backend(appmsgList),
  },
  {
    id: 'wechat.article',
    method: 'GET',
    pattern: /^\/s(?:\/(?<code>[\w-]+))?$/,
    handleOf: handleOfArticle,
    handle: article,
  },
  { id: 'wechat.captcha', method: 'GET', pattern: /^\/mp\/appmsgcaptcha$/, handle: () => html(STATUS_PAGES.captcha) },
  {
    id: 'wechat.loginpage',
    method: 'GET',
    pattern: /^\/cgi-bin\/loginpage$/,
    handle: () => html('<!DOCTYPE html><html><head><title>微信公众平台</title></head><body>使用账号登录</body></html>'),
  },
];

export const wechatMpRoutes: SandboxRouteModule = {
  host: sandboxPathOf('wechatMp'),
  platform: 'WECHAT',
  routes: WECHAT_MP_ROUTES,
  loginRedirectPath: '/mp.weixin.qq.com/cgi-bin/loginpage',
  loginWall: () => json(INVALID_SESSION),
  // Article pages are sent to the WAF captcha; backend calls get the same page instead of JSON.
  captcha: (r) =>
    isBackend(r)
      ? html(STATUS_PAGES.captcha)
      : {
          status: 302,
          headers: {
            location: `${r.baseUrl}/mp.weixin.qq.com/mp/appmsgcaptcha?poc_token=HmVzAbCd&target_url=${encodeURIComponent(r.path)}`,
          },
          body: '',
        },
  rateLimit: (r) => (isBackend(r) ? json(FREQ_CONTROL) : html(STATUS_PAGES.tooFrequent)),
};
