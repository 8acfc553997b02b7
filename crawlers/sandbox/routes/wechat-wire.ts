import { z } from 'zod';
import type { SandboxState } from '../route-types';
import type { SandboxAccount, SandboxPost } from '../scenario';

// WeChat wire shapes for the sandbox (docs/platform-formats.md §2.2–§2.4). Per-account WeChat data lives in the scenario
// account's `extra`: { fakeid, alias, appId, appSecret, ipWhitelisted, articles: { [postId]: {...} } }.

const articleExtraSchema = z.object({
  author: z.string().optional(),
  /** Removed by the platform: the page says 此内容因违规无法查看. */
  violation: z.boolean().default(false),
  /** Serve the 2019 page style (`var msg_title = "…";`, `var nickname = "…";`). */
  style2019: z.boolean().default(false),
  commentsOpen: z.boolean().default(true),
});
const wechatExtraSchema = z.looseObject({
  fakeid: z.string().optional(),
  alias: z.string().optional(),
  appId: z.string().optional(),
  appSecret: z.string().optional(),
  ipWhitelisted: z.boolean().default(true),
  serviceType: z.number().int().default(1),
  articles: z.record(z.string(), articleExtraSchema).default({}),
});
export type WechatExtra = z.output<typeof wechatExtraSchema>;
export type ArticleExtra = z.output<typeof articleExtraSchema>;

export const wechatExtra = (a: SandboxAccount): WechatExtra => wechatExtraSchema.parse(a.extra);
export const articleExtra = (a: SandboxAccount, p: SandboxPost): ArticleExtra =>
  wechatExtra(a).articles[p.id] ?? articleExtraSchema.parse({});
export const fakeidOf = (a: SandboxAccount) =>
  wechatExtra(a).fakeid ?? Buffer.from(a.handle.replace(/\D/g, '').padEnd(10, '0').slice(0, 10)).toString('base64');

const sn = (p: SandboxPost) => p.id.padStart(32, '0').slice(-32);
/** The public article link: the post's own short link, else the permanent form the older list uses. */
export const articleLink = (a: SandboxAccount, p: SandboxPost) =>
  p.url ?? `http://mp.weixin.qq.com/s?__biz=${fakeidOf(a)}&mid=${p.id}&idx=1&sn=${sn(p)}&chksm=aa11bb22cc33dd44#rd`;
export const aidOf = (p: SandboxPost) => `${p.id}_1`;
export const articleIdOf = (p: SandboxPost) => `Jc3x${p.id.padStart(36, '0')}`;

export const isPublished = (p: SandboxPost, state: SandboxState) => state.time(p.publishedAt) <= state.now();
export const isDeleted = (p: SandboxPost, state: SandboxState) =>
  Boolean(p.deletedAt && state.time(p.deletedAt) <= state.now());
const unix = (p: SandboxPost, state: SandboxState) => Math.floor(state.time(p.publishedAt).getTime() / 1000);
const plain = (html: string) => html.replace(/<[^>]*>/g, '').trim();
export const digestOf = (p: SandboxPost) => plain(p.text).slice(0, 54);
const titleOf = (p: SandboxPost) => p.title ?? plain(p.text).slice(0, 30);

/** Newest first, as the MP lists are [I]. */
export const publishedPosts = (a: SandboxAccount, state: SandboxState) =>
  a.posts.filter((p) => isPublished(p, state)).sort((x, y) => unix(y, state) - unix(x, state));

export function appmsgex(a: SandboxAccount, p: SandboxPost, state: SandboxState) {
  const t = unix(p, state);
  return {
    aid: aidOf(p),
    appmsgid: Number(p.id),
    itemidx: 1,
    title: titleOf(p),
    digest: digestOf(p),
    link: articleLink(a, p),
    cover: 'https://mmbiz.qpic.cn/mmbiz_jpg/aBcDeF0123/0?wx_fmt=jpeg',
    author_name: articleExtra(a, p).author ?? '',
    create_time: t,
    update_time: t + 5,
    item_show_type: 0,
    copyright_type: 0,
    is_deleted: isDeleted(p, state),
    ban_flag: 0,
    checking: 0,
    album_id: '0',
    appmsg_album_infos: [],
    is_pay_subscribe: 0,
    has_red_packet_cover: 0,
    media_duration: '0:00',
    mediaapi_publish_status: 0,
  };
}

/** One publish event per post; `publish_page` and each `publish_info` are JSON strings (double encoding). */
export function publishPage(a: SandboxAccount, posts: SandboxPost[], total: number, state: SandboxState): string {
  const publishList = posts.map((p) => {
    const t = unix(p, state);
    const info = {
      type: 9,
      new_publish: 1,
      msgid: Number(p.id),
      copy_type: 0,
      copy_appmsg_id: 0,
      sent_info: { time: t + 5, func_flag: 0, is_send_all: true, is_published: 1 },
      sent_status: { total: 1, succ: 1, fail: 0, progress: 100, userprotect: 0 },
      sent_result: { msg_status: 2, refuse_reason: '', reject_index_list: [], update_time: t + 5 },
      appmsg_info: [
        {
          appmsgid: Number(p.id),
          itemidx: 1,
          share_type: 0,
          is_pay_subscribe: 0,
          is_from_transfer: 0,
          open_fansmsg: 0,
          smart_product: 0,
          appmsg_like_type: 2,
        },
      ],
      appmsgex: [appmsgex(a, p, state)],
    };
    return { publish_type: 101, publish_info: JSON.stringify(info) };
  });
  return JSON.stringify({
    total_count: total,
    publish_count: total,
    masssend_count: total,
    featured_count: 0,
    publish_list: publishList,
  });
}

export function newsItem(a: SandboxAccount, p: SandboxPost, state: SandboxState) {
  const extra = articleExtra(a, p);
  return {
    title: titleOf(p),
    author: extra.author ?? '',
    digest: digestOf(p),
    content: p.text,
    content_source_url: '',
    thumb_media_id: `TmB${p.id}`,
    thumb_url: 'https://mmbiz.qpic.cn/mmbiz_jpg/aBcDeF0123/0?wx_fmt=jpeg',
    need_open_comment: extra.commentsOpen ? 1 : 0,
    only_fans_can_comment: 0,
    url: articleLink(a, p),
    is_deleted: isDeleted(p, state),
  };
}

/** The article's public 留言 as comment/list items, oldest first; `reply` is the account's latest answer to each. */
export function commentWire(a: SandboxAccount, p: SandboxPost, state: SandboxState) {
  const seconds = (at: string) => Math.floor(state.time(at).getTime() / 1000);
  const visible = (at: string) => state.time(at) <= state.now();
  return p.comments
    .filter((c) => visible(c.publishedAt))
    .sort((x, y) => seconds(x.publishedAt) - seconds(y.publishedAt))
    .map((c, i) => {
      const answer = c.replies
        .filter((r) => r.authorId === a.handle && visible(r.publishedAt))
        .sort((x, y) => seconds(y.publishedAt) - seconds(x.publishedAt))[0];
      return {
        user_comment_id: i + 1,
        openid: `o${Buffer.from(c.authorId).toString('base64url')}`,
        create_time: seconds(c.publishedAt),
        content: c.text,
        comment_type: 0,
        ...(answer ? { reply: { content: answer.text, create_time: seconds(answer.publishedAt) } } : {}),
      };
    });
}

const jsString = (value: string) => JSON.stringify(value).replace(/</g, '\\x3c');
const htmlEscape = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const singleQuoted = (value: string) => `'${htmlEscape(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The article page: data in script variables, `#publish_time` empty, body in a hidden `#js_content`. */
export function articleHtml(a: SandboxAccount, p: SandboxPost, state: SandboxState): string {
  const extra = articleExtra(a, p);
  const wx = wechatExtra(a);
  const t = String(unix(p, state));
  const name = a.profile.displayName;
  const author = extra.author ?? '';
  const title = extra.style2019
    ? `var msg_title = ${jsString(titleOf(p))};`
    : `var msg_title = ${singleQuoted(titleOf(p))}.html(false);`;
  const nickname = extra.style2019
    ? `var nickname = ${jsString(name)};`
    : `var nickname = htmlDecode(${jsString(name)});`;
  return `<!DOCTYPE html>
<html class="">
<head>
    <meta name="description" content="${htmlEscape(digestOf(p))}" />
    <meta name="author" content="${htmlEscape(author)}" />
    <meta property="og:title" content="${htmlEscape(titleOf(p))}" />
    <script type="text/javascript" nonce="1837465920">
    var biz = ${jsString(fakeidOf(a))} || "";
    var sn = "${sn(p)}" || "" || "";
    var mid = "${p.id}" || "" || "";
    var idx = "1" || "" || "";
    </script>
</head>
<body id="activity-detail" class="zh_CN wx_wap_page">
<div id="img-content" class="rich_media_wrp">
    <h1 class="rich_media_title " id="activity-name">
        ${htmlEscape(titleOf(p))}</h1>
    <div id="meta_content" class="rich_media_meta_list">
        <span class="rich_media_meta rich_media_meta_text">${htmlEscape(author)}</span>
        <span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" id="js_name">${htmlEscape(name)}</a></span>
        <span id="meta_content_hide_info" class=""><em id="publish_time" class="rich_media_meta rich_media_meta_text"></em></span>
    </div>
    <div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden; opacity: 0; ">
        ${p.text}
    </div>
</div>
<div class="wx_follow_nickname">${htmlEscape(name)}</div>
<script type="text/javascript" nonce="1837465920">
    var item_show_type = "0";
    var real_item_show_type = "0";
    var create_time = "${t}" * 1;
    ${nickname}
    var ct = "${t}";
    var user_name = ${jsString(a.handle)};
    var round_head_img = ${jsString(a.profile.avatarUrl ?? '')};
    var profile_signature = ${jsString(a.profile.description)};
    ${title}
    var msg_desc = htmlDecode(${jsString(digestOf(p))});
    var msg_link = ${jsString(articleLink(a, p))};
    var msg_source_url = '';
    var appmsgid = "${p.id}" || '' || '';
    var comment_id = '${extra.commentsOpen ? `369${p.id}` : '0'}' || '0';
    var author = ${jsString(author)};
    var svr_time = "${Math.floor(state.now().getTime() / 1000)}" * 1;
    window.ip_wording = { countryName: '中国', countryId: '156', provinceName: '${a.profile.ipLocation ?? ''}', provinceId: '', cityName: '', cityId: '' };
    window.alias = ${jsString(wx.alias ?? '')} || "";
</script>
</body>
</html>`;
}

const statusPage = (title: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body class="zh_CN"><div class="weui-msg"><div class="weui-msg__text-area">${body}</div></div></body></html>`;

// Exact texts of docs/platform-formats.md §2.4.
export const STATUS_PAGES = {
  deleted: statusPage('', '<div class="weui-msg__title warn">该内容已被发布者删除</div>'),
  violation: statusPage(
    '',
    '<h2 class=\'weui-msg__title title\'>此内容因违规无法查看</h2><p class="tips">由用户投诉并经平台审核，涉嫌过度营销、骚扰用户，查看对应规则</p>',
  ),
  accountBlocked: statusPage('', '<div class="weui-msg__title">此帐号已被屏蔽, 内容无法查看</div>'),
  accountClosed: statusPage('', '<div class="weui-msg__title">此帐号已自主注销，内容无法查看</div>'),
  invalid: statusPage('', '<div class="weui-msg__title">参数错误</div>'),
  captcha: statusPage(
    '环境异常',
    '<div class="weui-msg__title">环境异常</div><div class="weui-msg__desc">当前环境异常，完成验证后即可继续访问。</div><a class="weui-btn weui-btn_primary">去验证</a>',
  ),
  tooFrequent: statusPage('', '<div class="weui-msg__title">访问过于频繁，请稍后再试</div>'),
};
