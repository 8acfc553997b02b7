import {
  html,
  type SandboxRequest,
  type SandboxResponse,
  type SandboxRouteModule,
  type SandboxState,
} from '../route-types';
import { findStoreApp, type StoreEntry } from './app-wire';
import { shanghaiDay } from '@/lib/time';
import { sandboxPathOf } from '../../origins';

// app.mi.com (docs/platform-formats.md §3.4): a server-rendered detail page per package; a listed app's page has the
// `.bigimg-scroll-title` screenshot strip. An unknown package is HTTP 404, a removed one a page without the strip.

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const HEAD = (title: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>`;
const NAV =
  '<div class="header"><div class="container"><a class="logo" href="/">小米应用商店</a><ul class="nav"><li>首页</li><li>游戏</li><li>应用</li></ul></div></div>';
const FOOTER = '<div class="footer"><div class="container"><p>小米应用商店 © xiaomi.com</p></div></div></body></html>';

const GONE_PAGE = (status: number) =>
  html(
    `${HEAD('小米应用商店')}${NAV}<div class="main"><div class="container"><div class="search-empty"><p>抱歉，该应用已下架或不存在</p></div></div></div>${FOOTER}`,
    status,
  );

function detailPage({ app }: StoreEntry, state: SandboxState): string {
  const field = (label: string, value: string) =>
    `<li class="weight-font">${label}：</li><li>${escapeHtml(value)}</li>`;
  const intro =
    `<div class="app-intro cf"><div class="app-info"><img class="yellow-flower" src="https://file.market.xiaomi.com/thumbnail/PNG/l114/${escapeHtml(app.id)}" alt="${escapeHtml(app.name)}">` +
    `<div class="intro-titles"><p>${escapeHtml(app.seller)}</p><h3>${escapeHtml(app.name)}</h3><p class="special-font action"><b>分类：</b>政务<b>支持：</b>手机</p>` +
    `<span class="app-intro-comment">(共${app.ratingCount}次评分)</span></div></div></div>`;
  const text = `<div class="app-text"><h3 class="special-font">应用介绍</h3><p class="pslide">${escapeHtml(app.description)}</p></div>`;
  const shots = `<div class="bigimg-scroll"><h3 class="bigimg-scroll-title special-font">应用截图</h3><div class="img-list"><img src="https://file.market.xiaomi.com/thumbnail/jpeg/w1080/${escapeHtml(app.id)}-1"></div></div>`;
  const details = `<div class="float-left"><div class="details preventDefault"><ul class="cf">${field('软件大小', '92 M')}${field('版本号', app.version)}${field('更新时间', shanghaiDay(state.time(app.releasedAt)))}${field('包名', app.packageName)}${field('appId', app.id)}</ul></div></div>`;
  return `${HEAD(`${app.name}-小米应用商店`)}${NAV}<div class="main"><div class="container cf">${intro}${text}${shots}${details}</div></div>${FOOTER}`;
}

function detail(r: SandboxRequest, state: SandboxState): SandboxResponse {
  const entry = findStoreApp(state, 'XIAOMI', (a) => a.packageName === r.query.get('id'));
  if (!entry || state.time(entry.app.releasedAt) > state.now()) return GONE_PAGE(404);
  if (entry.app.status !== 'LISTED') return GONE_PAGE(200);
  return html(detailPage(entry, state));
}

export const xiaomiRoutes: SandboxRouteModule = {
  host: sandboxPathOf('xiaomi'),
  platform: 'APP_ANDROID',
  routes: [
    { id: 'xiaomi.detail', method: 'GET', pattern: /^\/details$/, handleOf: (r) => r.query.get('id'), handle: detail },
  ],
};
