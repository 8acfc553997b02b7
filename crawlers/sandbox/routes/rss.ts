import { json, xml, type SandboxRequest, type SandboxRouteModule, type SandboxState } from '../route-types';
import type { SandboxAccount, SandboxPost } from '../scenario';
import { sandboxPathOf } from '../../origins';

// RSSHub (RSS 2.0 / Atom / JSON Feed) and we-mp-rss output shapes (docs/platform-formats.md §4.1–§4.2).

const FEED_PATHS: Record<string, (handle: string) => string> = {
  DOUYIN: (h) => `/douyin/user/${h}`,
  TOUTIAO: (h) => `/toutiao/user/token/${h}`,
  WEIBO: (h) => `/weibo/user/${h}`,
};

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const feedPathOf = (a: SandboxAccount) =>
  typeof a.extra.feedPath === 'string' ? a.extra.feedPath : (FEED_PATHS[a.platform]?.(a.handle) ?? `/feed/${a.handle}`);
const itemUrl = (a: SandboxAccount, p: SandboxPost) => p.url ?? `https://example.invalid/${a.handle}/${p.id}`;

function feedAccount(state: SandboxState, path: string): SandboxAccount | null {
  return (
    state.scenario.accounts.find((a) =>
      a.platform !== 'WEIBO' || a.extra.feedPath ? feedPathOf(a) === path : false,
    ) ?? null
  );
}

function items(a: SandboxAccount, state: SandboxState, limit: number) {
  return a.posts
    .filter((p) => state.time(p.publishedAt) <= state.now() && !(p.deletedAt && state.time(p.deletedAt) <= state.now()))
    .sort((x, y) => state.time(y.publishedAt).getTime() - state.time(x.publishedAt).getTime())
    .slice(0, limit);
}

function rsshub(r: SandboxRequest, state: SandboxState) {
  const a = feedAccount(state, r.path);
  const list = a ? items(a, state, Math.min(200, Number(r.query.get('limit') ?? 50) || 50)) : [];
  // RSSHub answers an empty route (except Weibo's allowEmpty routes) with an error page, not an empty feed.
  if (!a || (list.length === 0 && a.platform !== 'WEIBO'))
    return {
      status: 503,
      headers: { 'content-type': 'text/html' },
      body: '<h1>Looks like something went wrong</h1><p>this route is empty, please check the original site</p>',
    };
  const title = `${a.profile.displayName}`;
  const format = r.query.get('format');
  if (format === 'json') {
    return {
      ...json({
        version: 'https://jsonfeed.org/version/1.1',
        title,
        home_page_url: `https://example.invalid/${a.handle}`,
        feed_url: `${r.baseUrl}/rsshub${r.path}`,
        language: 'zh-cn',
        items: list.map((p) => ({
          id: itemUrl(a, p),
          url: itemUrl(a, p),
          title: p.title ?? p.text.slice(0, 30),
          content_html: p.text,
          date_published: state.time(p.publishedAt).toISOString(),
          authors: [{ name: a.profile.displayName }],
        })),
      }),
      headers: { 'content-type': 'application/feed+json; charset=utf-8' },
    };
  }
  if (format === 'atom') {
    const entries = list.map(
      (p) =>
        `<entry><title>${escape(p.title ?? p.text.slice(0, 30))}</title><link href="${escape(itemUrl(a, p))}"/><id>${escape(itemUrl(a, p))}</id><published>${state.time(p.publishedAt).toISOString()}</published><updated>${state.time(p.editedAt ?? p.publishedAt).toISOString()}</updated><content type="html">${escape(p.text)}</content><author><name>${escape(a.profile.displayName)}</name></author></entry>`,
    );
    return xml(
      `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${escape(title)}</title><id>${r.baseUrl}/rsshub${r.path}</id><updated>${state.now().toISOString()}</updated><generator>RSSHub</generator>${entries.join('')}</feed>`,
      'application/atom+xml',
    );
  }
  const rssItems = list.map(
    (p) =>
      `<item><title>${escape(p.title ?? p.text.slice(0, 30))}</title><description>${cdata(p.text)}</description><link>${escape(itemUrl(a, p))}</link><guid isPermaLink="false">${escape(itemUrl(a, p))}</guid><pubDate>${state.time(p.publishedAt).toUTCString()}</pubDate><author>${escape(a.profile.displayName)}</author></item>`,
  );
  return xml(
    `<?xml version="1.0" encoding="UTF-8"?><rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0"><channel><title>${escape(title)}</title><link>https://example.invalid/${a.handle}</link><description>${escape(a.profile.description)} - Powered by RSSHub</description><generator>RSSHub</generator><language>en</language><lastBuildDate>${state.now().toUTCString()}</lastBuildDate><ttl>5</ttl>${rssItems.join('')}</channel></rss>`,
    'application/rss+xml',
  );
}

function weMpRss(r: SandboxRequest, state: SandboxState) {
  const a = state.scenario.accounts.find((x) => x.extra.weMpRssId === r.params.id);
  if (!a) return { status: 404, body: '{"detail":"Not Found"}', headers: { 'content-type': 'application/json' } };
  const rssItems = items(a, state, 50).map(
    (p) =>
      `<item><id>${p.id}</id><title>${escape(p.title ?? '')}</title><description>${escape(p.text.slice(0, 60))}</description><guid>${escape(itemUrl(a, p))}</guid><content:encoded>${cdata(p.text)}</content:encoded><link>${escape(itemUrl(a, p))}</link><pubDate>${state.time(p.publishedAt).toUTCString()}</pubDate></item>`,
  );
  return xml(
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${escape(a.profile.displayName)}</title><generator>Mp-We-Rss</generator><language>zh-CN</language>${rssItems.join('')}</channel></rss>`,
    'application/rss+xml',
  );
}

export const rssRoutes: SandboxRouteModule = {
  host: sandboxPathOf('rsshub'),
  platform: 'RSS',
  routes: [
    {
      id: 'rss.rsshub',
      method: 'GET',
      pattern: /^\/.+$/,
      handleOf: (r, s) => feedAccount(s, r.path)?.handle ?? null,
      handle: rsshub,
    },
  ],
};

export const weMpRssRoutes: SandboxRouteModule = {
  host: sandboxPathOf('weMpRss'),
  platform: 'RSS',
  routes: [
    {
      id: 'rss.we-mp-rss',
      method: 'GET',
      pattern: /^\/rss\/(?<id>[\w-]+)$/,
      handleOf: (r, s) =>
        s.scenario.accounts.find((x) => x.extra.weMpRssId === r.params.id)?.handle ?? r.params.id ?? null,
      handle: weMpRss,
    },
  ],
};
