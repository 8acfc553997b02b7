import {
  html,
  type SandboxRequest,
  type SandboxResponse,
  type SandboxRouteModule,
  type SandboxState,
} from '../route-types';
import { findStoreApp, searchStore, type StoreEntry } from './app-wire';
import { shanghaiDay } from '@/lib/time';
import { sandboxPathOf } from '../../origins';

// sj.qq.com (docs/platform-formats.md §3.3): Next.js pages with `__NEXT_DATA__`; the update date only in the DOM; a missing
// app is HTTP 404, a removed one the `Error_error__` page. A client-rendered app builds both in the browser.

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const ERROR_PAGE = (status: number) =>
  html(
    '<!DOCTYPE html><html><head><meta charSet="utf-8"/><title>应用宝-找不到该页面</title></head><body><div id="__next"><div class="Error_error__k3J8q"><p>抱歉，您访问的页面找不到了</p></div></div></body></html>',
    status,
  );

const CHALLENGE_PAGE = html(
  '<!DOCTYPE html><html><head><meta charSet="utf-8"/><title>安全验证</title></head><body><div id="captcha">请完成安全验证后继续访问</div></body></html>',
);

function nextData(
  page: string,
  components: { name: string; itemData: unknown }[],
  extra: Record<string, unknown> = {},
) {
  return {
    props: {
      pageProps: {
        dynamicCardResponse: {
          ret: 0,
          msg: 'success',
          requestId: 'sandbox-0001',
          data: { components: components.map((data) => ({ cardId: `card_${data.name}`, data })) },
        },
        seoMeta: {},
        context: { initialInfo: { pageParams: extra } },
      },
    },
    page,
    query: {},
    buildId: 'sandbox',
    isFallback: false,
    gssp: true,
    scriptLoader: [],
  };
}

function detailItem({ app }: StoreEntry) {
  return {
    name: app.name,
    pkg_name: app.packageName,
    app_id: app.id,
    developer: app.seller,
    operator: app.seller,
    version_name: app.version,
    download_num: String(app.downloads),
    description: app.description,
    md_5: '0'.repeat(32),
    tags_st: JSON.stringify([{ tag_name: '政务' }]),
    is_game: 0,
    icon: `https://pp.myapp.com/ma_icon/0/icon_${app.id}_1/256`,
    apk_size: '96468992',
    average_rating: app.rating ?? 0,
  };
}

function page(title: string, dom: string, data: unknown, clientRendered: boolean): SandboxResponse {
  const head = `<!DOCTYPE html><html><head><meta charSet="utf-8"/><title>${escapeHtml(title)}</title></head>`;
  if (!clientRendered)
    return html(
      `${head}<body><div id="__next">${dom}</div><script id="__NEXT_DATA__" type="application/json">${scriptJson(data)}</script></body></html>`,
    );
  const build = `(function(){var s=document.createElement('script');s.id='__NEXT_DATA__';s.type='application/json';s.textContent=${scriptJson(JSON.stringify(data))};document.body.appendChild(s);document.getElementById('__next').innerHTML=${scriptJson(dom)};})();`;
  return html(`${head}<body><div id="__next"></div><script>${build}</script></body></html>`);
}

function detail(r: SandboxRequest, state: SandboxState): SandboxResponse {
  const entry = findStoreApp(state, 'YINGYONGBAO', (a) => a.packageName === r.params.pkg);
  if (!entry || state.time(entry.app.releasedAt) > state.now()) return ERROR_PAGE(404);
  if (entry.app.status !== 'LISTED') return ERROR_PAGE(200);
  const { app } = entry;
  const item = (label: string, value: string) =>
    `<div class="GameDetail_detailItem__Qw8e2"><span class="GameDetail_label__a1">${label}</span><span>${escapeHtml(value)}</span></div>`;
  const dom = `<div class="GameDetail_detailWrap__Xy12a"><h1 class="GameDetail_name__Ab3cd">${escapeHtml(app.name)}</h1>${item('版本号', app.version)}${item('更新时间', shanghaiDay(state.time(app.releasedAt)))}${item('开发商', app.seller)}<p class="GameDetail_desc__k2">${escapeHtml(app.description)}</p></div>`;
  const data = nextData(
    '/appdetail/[pkgname]',
    [
      { name: 'GameDetail', itemData: [detailItem(entry)] },
      { name: 'YouMayAlsoLike', itemData: [] },
    ],
    { detail_pkgname: app.packageName },
  );
  return page(`${app.name}app下载-${app.name}安卓版下载-应用宝官网`, dom, data, app.clientRendered);
}

function search(r: SandboxRequest, state: SandboxState): SandboxResponse {
  const q = r.query.get('q') ?? '';
  const items = searchStore(state, 'YINGYONGBAO', q, 20).map((e) => {
    const d = detailItem(e);
    return {
      pkg_name: d.pkg_name,
      app_id: d.app_id,
      name: d.name,
      icon: d.icon,
      download_url: `https://imtt.dd.qq.com/sjy.00001/${d.app_id}.apk`,
      version_name: d.version_name,
      developer: d.developer,
      apk_size: d.apk_size,
      average_rating: d.average_rating,
      editor_intro: e.app.description.slice(0, 20),
    };
  });
  // `itemData` double-encoded here, as some captures show (§3.3).
  const data = nextData('/search', [{ name: 'SearchList', itemData: JSON.stringify(items) }]);
  return page(
    `${q}-应用宝搜索`,
    `<ul class="SearchList_list__z9">${items.map((i) => `<li>${escapeHtml(i.name)}</li>`).join('')}</ul>`,
    data,
    false,
  );
}

export const yingyongbaoRoutes: SandboxRouteModule = {
  host: sandboxPathOf('yingyongbao'),
  platform: 'APP_ANDROID',
  routes: [
    {
      id: 'yingyongbao.detail',
      method: 'GET',
      pattern: /^\/appdetail\/(?<pkg>[\w.]+)$/,
      handleOf: (r) => r.params.pkg ?? null,
      handle: detail,
    },
    { id: 'yingyongbao.search', method: 'GET', pattern: /^\/search$/, handle: search },
  ],
  captcha: () => CHALLENGE_PAGE,
};
