import {
  html,
  json,
  type SandboxRequest,
  type SandboxRoute,
  type SandboxRouteModule,
  type SandboxState,
} from '../route-types';
import type { SandboxAccount, SandboxPost } from '../scenario';
import { bidOf, hotflowComment, isVisible, mblog, weiboUser } from './weibo-wire';
import { sandboxPathOf } from '../../origins';

// m.weibo.cn routes of docs/platform-formats.md §0/§1, including its error bodies (§1.7).

const TIMELINE_PAGE = 10;
const COMMENT_PAGE = 20;
const NO_CONTENT = { ok: 0, msg: '这里还没有内容', data: { cards: [] } };
// Invented message: no capture of a banned account's getIndex answer exists (docs/platform-formats.md §6).
const BANNED = { ok: 0, msg: '该账号因违反法律法规和《微博社区公约》已被封禁' };
const DELETED_POST = { ok: 0, msg: '微博不存在或暂无查看权限!' };

const container = (r: SandboxRequest) => r.query.get('containerid') ?? '';
const uidFromRequest = (r: SandboxRequest) =>
  r.query.get('value') ??
  container(r)
    .replace(/^(100505|107603|230413|230283)/, '')
    .replace(/_-_INFO$/, '');
const isTimeline = (r: SandboxRequest) => /^(107603|230413)\d+$/.test(container(r));

function account(state: SandboxState, uid: string): SandboxAccount | { error: object } {
  const found = state.findAccount('WEIBO', uid);
  if (!found || found.status === 'CLOSED') return { error: NO_CONTENT };
  if (found.status === 'BANNED') return { error: BANNED };
  return found;
}

const visiblePosts = (a: SandboxAccount, state: SandboxState) =>
  a.posts
    .filter((p) => isVisible(p, state))
    .sort(
      (x, y) =>
        Number(y.pinned) - Number(x.pinned) ||
        state.time(y.publishedAt).getTime() - state.time(x.publishedAt).getTime(),
    );

function findPost(state: SandboxState, id: string): { account: SandboxAccount; post: SandboxPost } | null {
  for (const a of state.accounts('WEIBO')) {
    const post = a.posts.find((p) => p.id === id || bidOf(p) === id);
    if (post) return { account: a, post };
  }
  return null;
}

const card = (a: SandboxAccount, p: SandboxPost, state: SandboxState) => ({
  card_type: 9,
  ...(p.pinned ? { profile_type_id: `proweibotop_${p.id}` } : {}),
  itemid: `107603${a.handle}_-_${p.id}`,
  scheme: `https://m.weibo.cn/status/${bidOf(p)}?mblogid=${bidOf(p)}&luicode=10000011&lfid=107603${a.handle}`,
  mblog: mblog(a, p, state),
});

function profile(r: SandboxRequest, state: SandboxState) {
  const uid = uidFromRequest(r);
  const a = account(state, uid);
  if ('error' in a) return json(a.error);
  const tabs = [
    {
      id: 1,
      tabKey: 'profile',
      must_show: 1,
      hidden: 0,
      title: '主页',
      tab_type: 'profile',
      containerid: `230283${uid}`,
    },
    {
      id: 2,
      tabKey: 'weibo',
      must_show: 1,
      hidden: 0,
      title: '微博',
      tab_type: 'weibo',
      containerid: `107603${uid}`,
      apipath: '/profile/statuses',
    },
  ];
  return json({
    ok: 1,
    data: { avatar_guide: [], userInfo: weiboUser(a, uid), tabsInfo: { selectedTab: 1, tabs }, showAppTips: 1 },
  });
}

function timeline(r: SandboxRequest, state: SandboxState) {
  const uid = uidFromRequest(r);
  const a = account(state, uid);
  if ('error' in a) return json(a.error);
  const posts = visiblePosts(a, state);
  if (container(r).startsWith('230413')) {
    const count = Math.min(50, Math.max(10, Number(r.query.get('count') ?? 20)));
    const page = Math.max(1, Number(r.query.get('page') ?? 1));
    const slice = posts.slice((page - 1) * count, page * count);
    if (slice.length === 0) return json(NO_CONTENT);
    const cards = slice.map((p) => ({ card_type: 11, card_group: [card(a, p, state)] }));
    return json({ ok: 1, data: { cardlistInfo: { containerid: container(r), total: posts.length, page }, cards } });
  }
  const sinceId = r.query.get('since_id');
  const start = sinceId ? posts.findIndex((p) => p.id === sinceId) : 0;
  const slice = start < 0 ? [] : posts.slice(start, start + TIMELINE_PAGE);
  const next = start < 0 ? undefined : posts[start + TIMELINE_PAGE];
  if (slice.length === 0) return json(NO_CONTENT);
  const cardlistInfo = {
    containerid: container(r),
    v_p: 42,
    show_style: 1,
    total: posts.length,
    autoLoadMoreIndex: 30,
    ...(next ? { since_id: Number(next.id) } : {}),
  };
  return json({
    ok: 1,
    data: {
      cardlistInfo,
      cards: slice.map((p) => card(a, p, state)),
      scheme: `sinaweibo://cardlist?containerid=${container(r)}`,
      showAppTips: 0,
    },
  });
}

function single(r: SandboxRequest, state: SandboxState, full: boolean) {
  const found = findPost(state, r.query.get('id') ?? r.params.id ?? '');
  if (!found || !isVisible(found.post, state)) return json(DELETED_POST);
  if (full) return json({ ok: 1, data: { ok: 1, longTextContent: found.post.text } });
  return json({ ok: 1, data: mblog(found.account, found.post, state, true) });
}

function detailPage(r: SandboxRequest, state: SandboxState) {
  const found = findPost(state, r.params.id ?? '');
  if (!found || !isVisible(found.post, state)) {
    return html(
      '<!DOCTYPE html><html><head><title>微博-出错了</title></head><body><p class="h5-4con">微博不存在或暂无查看权限!</p></body></html>',
    );
  }
  const status = JSON.stringify(mblog(found.account, found.post, state, true));
  const script = `var config = { env: 'prod', login: [0][0], st: '', uid: '', preferQuickapp: '0' };\n    var $render_data = [{\n    "status": ${status},\n    "hotScheme": "https://m.weibo.cn/p/index?containerid=106003",\n    "call": 1\n}][0] || {};`;
  return html(
    `<!DOCTYPE html><html><head><title>微博</title></head><body><div id="app"></div><script>\n    ${script}\n</script></body></html>`,
  );
}

function hotflow(r: SandboxRequest, state: SandboxState) {
  const found = findPost(state, r.query.get('id') ?? '');
  if (!found || !isVisible(found.post, state)) return json({ ok: 0, msg: '' });
  const comments = [...found.post.comments].sort(
    (x, y) => state.time(y.publishedAt).getTime() - state.time(x.publishedAt).getTime(),
  );
  if (comments.length === 0) return json({ ok: 0, msg: '' });
  const offset = Number(r.query.get('max_id') ?? 0) || 0;
  const page = comments.slice(offset, offset + COMMENT_PAGE);
  const nextOffset = offset + COMMENT_PAGE < comments.length ? offset + COMMENT_PAGE : 0;
  const data = page.map((c, i) => hotflowComment(c, state, offset + i + 1));
  return json({ ok: 1, data: { data, total_number: comments.length, max_id: nextOffset, max_id_type: 0 } });
}

const handleOfPost = (r: SandboxRequest, state: SandboxState) =>
  findPost(state, r.query.get('id') ?? r.params.id ?? '')?.account.handle ?? null;
const GET_INDEX = /^\/api\/container\/getIndex$/;

export const WEIBO_ROUTES: SandboxRoute[] = [
  {
    id: 'weibo.timeline',
    method: 'GET',
    pattern: GET_INDEX,
    matches: isTimeline,
    handleOf: uidFromRequest,
    handle: timeline,
  },
  { id: 'weibo.profile', method: 'GET', pattern: GET_INDEX, handleOf: uidFromRequest, handle: profile },
  {
    id: 'weibo.extend',
    method: 'GET',
    pattern: /^\/statuses\/extend$/,
    handleOf: handleOfPost,
    handle: (r, s) => single(r, s, true),
  },
  {
    id: 'weibo.show',
    method: 'GET',
    pattern: /^\/statuses\/show$/,
    handleOf: handleOfPost,
    handle: (r, s) => single(r, s, false),
  },
  {
    id: 'weibo.detail',
    method: 'GET',
    pattern: /^\/(?:detail|status)\/(?<id>\w+)$/,
    handleOf: handleOfPost,
    handle: detailPage,
  },
  { id: 'weibo.hotflow', method: 'GET', pattern: /^\/comments\/hotflow$/, handleOf: handleOfPost, handle: hotflow },
  {
    id: 'weibo.config',
    method: 'GET',
    pattern: /^\/api\/config$/,
    handle: () => json({ ok: 1, data: { login: false, st: '', uid: '' } }),
  },
];

export const weiboRoutes: SandboxRouteModule = {
  host: sandboxPathOf('weiboM'),
  platform: 'WEIBO',
  routes: WEIBO_ROUTES,
  loginRedirectPath: '/passport.weibo.cn/signin/login',
  loginWall: () =>
    json({
      ok: -100,
      url: 'https://passport.weibo.com/sso/signin?entry=wapsso&source=wapssowb&url=https%3A%2F%2Fm.weibo.cn%2F',
    }),
  captcha: () => json({ ok: 0, url: 'https://passport.weibo.com/verify?entry=wapsso' }),
};
