import { z } from 'zod';
import { json, type SandboxRequest, type SandboxRouteModule, type SandboxState } from '../route-types';
import type { SandboxAccount } from '../scenario';
import {
  articleExtra,
  articleIdOf,
  commentWire,
  isDeleted,
  newsItem,
  publishedPosts,
  wechatExtra,
} from './wechat-wire';
import { sandboxPathOf } from '../../origins';

// api.weixin.qq.com: access_token, freepublish/batchget, comment/list and the menu (docs/platform-formats.md §2.3). Tokens are stateless
// (app id + expiry on the sandbox clock), so a moved clock expires them like the real 7200 s tokens.

const TOKEN_TTL_S = 7200;
const err = (errcode: number, errmsg: string) => json({ errcode, errmsg });
const byAppId = (state: SandboxState, appId: string | null) =>
  state.accounts('WECHAT').find((a) => appId && wechatExtra(a).appId === appId) ?? null;

const encodeToken = (appId: string, expiresAt: number) =>
  Buffer.from(JSON.stringify({ appId, expiresAt })).toString('base64url');
const tokenSchema = z.object({ appId: z.string(), expiresAt: z.number() });

function decodeToken(raw: string | null): z.infer<typeof tokenSchema> | null {
  try {
    const parsed = tokenSchema.safeParse(JSON.parse(Buffer.from(raw ?? '', 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function token(r: SandboxRequest, state: SandboxState) {
  if (r.query.get('grant_type') !== 'client_credential') return err(40002, 'invalid grant_type');
  const appId = r.query.get('appid');
  const account = byAppId(state, appId);
  if (!account || !appId) return err(40013, 'invalid appid');
  const extra = wechatExtra(account);
  if (extra.appSecret !== r.query.get('secret'))
    return err(40001, 'invalid credential, access_token is invalid or not latest');
  if (!extra.ipWhitelisted) return err(40164, 'invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist');
  return json({
    access_token: encodeToken(appId, state.now().getTime() + TOKEN_TTL_S * 1000),
    expires_in: TOKEN_TTL_S,
  });
}

const batchgetBody = z.object({
  offset: z.number().int().min(0),
  count: z.number().int().min(1).max(20),
  no_content: z.number().int().optional(),
});

function batchget(r: SandboxRequest, state: SandboxState) {
  const issued = decodeToken(r.query.get('access_token'));
  if (!issued) return err(40001, 'invalid credential, access_token is invalid or not latest');
  if (issued.expiresAt <= state.now().getTime()) return err(42001, 'access_token expired');
  const account = byAppId(state, issued.appId);
  if (!account) return err(40001, 'invalid credential, access_token is invalid or not latest');
  let body: z.infer<typeof batchgetBody>;
  try {
    body = batchgetBody.parse(JSON.parse(r.body));
  } catch {
    return err(40007, 'invalid media_id');
  }
  // Oldest first on purpose: the real list is not guaranteed newest-first (§2.3).
  const posts = publishedPosts(account, state).reverse();
  const item = posts.slice(body.offset, body.offset + body.count).map((p) => {
    const news = newsItem(account, p, state);
    return {
      article_id: articleIdOf(p),
      content: { news_item: [body.no_content === 1 ? { ...news, content: '' } : news] },
      update_time: Math.floor(state.time(p.publishedAt).getTime() / 1000) + 5,
    };
  });
  return json({ total_count: posts.length, item_count: item.length, item });
}

/** The custom menu as set in the scenario (`extra.selfmenu`: the `button` list of get_current_selfmenu_info); none = switched off. */
function selfmenu(r: SandboxRequest, state: SandboxState) {
  const issued = decodeToken(r.query.get('access_token'));
  if (!issued) return err(40001, 'invalid credential, access_token is invalid or not latest');
  if (issued.expiresAt <= state.now().getTime()) return err(42001, 'access_token expired');
  const account = byAppId(state, issued.appId);
  if (!account) return err(40001, 'invalid credential, access_token is invalid or not latest');
  const button = account.extra.selfmenu;
  return json(Array.isArray(button) ? { is_menu_open: 1, selfmenu_info: { button } } : { is_menu_open: 0 });
}

const commentListBody = z.object({
  msg_data_id: z.number().int().positive(),
  index: z.number().int().min(0).default(0),
  begin: z.number().int().min(0),
  count: z.number().int().min(1),
  type: z.number().int().min(0).max(2).default(0),
});

/**
 * 留言 of one article (§2.3): `msg_data_id` is the article's appmsgid (the post id), `index` 0; closed 留言 → 88000;
 * `count` ≥ 50 is rejected. A comment's `reply` is the account's latest reply to it (authorId = the account handle).
 */
function commentList(r: SandboxRequest, state: SandboxState) {
  const issued = decodeToken(r.query.get('access_token'));
  if (!issued) return err(40001, 'invalid credential, access_token is invalid or not latest');
  if (issued.expiresAt <= state.now().getTime()) return err(42001, 'access_token expired');
  const account = byAppId(state, issued.appId);
  if (!account) return err(40001, 'invalid credential, access_token is invalid or not latest');
  let body: z.infer<typeof commentListBody>;
  try {
    body = commentListBody.parse(JSON.parse(r.body));
  } catch {
    return err(40097, 'invalid args');
  }
  if (body.count >= 50) return err(40097, 'invalid args');
  const post = publishedPosts(account, state).find((p) => Number(p.id) === body.msg_data_id && !isDeleted(p, state));
  if (!post || body.index !== 0) return err(88001, 'msg_data is not exists');
  if (!articleExtra(account, post).commentsOpen) return err(88000, 'without comment privilege');
  const comment = commentWire(account, post, state);
  return json({
    errcode: 0,
    errmsg: 'ok',
    total: comment.length,
    comment: comment.slice(body.begin, body.begin + body.count),
  });
}

const handleOfToken = (r: SandboxRequest, state: SandboxState): string | null => {
  const account: SandboxAccount | null = byAppId(
    state,
    r.query.get('appid') ?? decodeToken(r.query.get('access_token'))?.appId ?? null,
  );
  return account?.handle ?? null;
};

export const wechatApiRoutes: SandboxRouteModule = {
  host: sandboxPathOf('wechatApi'),
  platform: 'WECHAT',
  routes: [
    { id: 'wechat.api.token', method: 'GET', pattern: /^\/cgi-bin\/token$/, handleOf: handleOfToken, handle: token },
    {
      id: 'wechat.api.batchget',
      method: 'POST',
      pattern: /^\/cgi-bin\/freepublish\/batchget$/,
      handleOf: handleOfToken,
      handle: batchget,
    },
    {
      id: 'wechat.api.commentList',
      method: 'POST',
      pattern: /^\/cgi-bin\/comment\/list$/,
      handleOf: handleOfToken,
      handle: commentList,
    },
    {
      id: 'wechat.api.selfmenu',
      method: 'GET',
      pattern: /^\/cgi-bin\/get_current_selfmenu_info$/,
      handleOf: handleOfToken,
      handle: selfmenu,
    },
  ],
  // `login_wall` on the data route is an expired token; on the token route a rejected secret.
  loginWall: (r) =>
    r.path === '/cgi-bin/token'
      ? err(40001, 'invalid credential, access_token is invalid or not latest')
      : err(42001, 'access_token expired'),
  rateLimit: () => err(45009, 'reach max api daily quota limit'),
};
