import {
  json,
  type SandboxRequest,
  type SandboxResponse,
  type SandboxRouteModule,
  type SandboxState,
} from '../route-types';
import { findStoreApp, searchStore, type StoreEntry } from './app-wire';
import { sandboxPathOf } from '../../origins';

// AppGallery web API (docs/platform-formats.md §3.2): interface code, app info, detail page with the comment card, and the
// legacy uowap search. Every call but the code itself needs `{code}_{ms}` for the caller's identity id; the code is
// derived from the identity so the sandbox stays stateless. A refused code answers 401 [U: the real answer is unknown].

const codeFor = (identity: string) => `HW${[...identity].reverse().join('')}`;
const header = (r: SandboxRequest, name: string) => {
  const value = r.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};
const isSigned = (r: SandboxRequest) => {
  const identity = header(r, 'identity-id') ?? '';
  return (
    /^[0-9a-f]{32}$/.test(identity) && new RegExp(`^${codeFor(identity)}_\\d+$`).test(header(r, 'interface-code') ?? '')
  );
};
const REFUSED: SandboxResponse = {
  status: 401,
  headers: { 'content-type': 'application/json' },
  body: '{"rtnCode":401,"rtnDesc":"interface code invalid"}',
};
const signed =
  (handler: (r: SandboxRequest, s: SandboxState) => SandboxResponse) => (r: SandboxRequest, s: SandboxState) =>
    isSigned(r) ? handler(r, s) : REFUSED;

function bodyOf(r: SandboxRequest): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(r.body);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function queried(r: SandboxRequest, state: SandboxState): StoreEntry | null {
  const body = bodyOf(r);
  const pageAppId = typeof body.pageId === 'string' ? body.pageId.split('|')[1] : undefined;
  const appId = typeof body.appId === 'string' ? body.appId : pageAppId;
  const pkg = typeof body.pkgName === 'string' ? body.pkgName : undefined;
  return findStoreApp(
    state,
    'HUAWEI',
    (a) => (pkg !== undefined && a.packageName === pkg) || (appId !== undefined && a.id === appId),
  );
}

function interfaceCode(r: SandboxRequest) {
  const identity = header(r, 'identity-id') ?? '';
  if (!/^[0-9a-f]{32}$/.test(identity) || !/^null_\d+$/.test(header(r, 'interface-code') ?? ''))
    return { status: 400, body: '' };
  return json(codeFor(identity));
}

function appInfo(r: SandboxRequest, state: SandboxState): SandboxResponse {
  const entry = queried(r, state);
  // An app AppGallery does not list: HTTP 200 with an empty body (harmony_markget_get treats it as an error).
  if (!entry || entry.app.status === 'REMOVED' || state.time(entry.app.releasedAt) > state.now())
    return { status: 200, headers: { 'content-type': 'application/json' }, body: '' };
  const { app } = entry;
  return json({
    appId: app.id,
    allianceAppId: app.id.slice(1),
    name: app.name,
    pkgName: app.packageName,
    devId: app.sellerId ?? `86${app.id.slice(1).padStart(16, '0')}`,
    developerName: app.seller,
    devEnName: app.developer ?? app.seller,
    supplier: app.seller,
    kindId: '10000011',
    kindName: '政务服务',
    tagName: '政务',
    kindTypeId: '13',
    kindTypeName: '应用',
    icon: `https://appimg.dbankcdn.com/application/icon144/${app.id}.png`,
    briefDes: app.description.slice(0, 20),
    description: app.description,
    privacyUrl: 'https://www.example.invalid/privacy.html',
    ctype: 1,
    detailId: `app|${app.id}`,
    appLevel: 2,
    jocatId: 0,
    iap: 0,
    hms: 0,
    tariffType: '免费',
    packingType: 0,
    imgTag: '',
    isPay: '0',
    isDisciplined: 0,
    isShelves: app.status === 'OFF_SHELF' ? 0 : 1,
    submitType: 0,
    deleteArchive: 0,
    charging: 0,
    buttonGrey: 0,
    appGift: 0,
    freeDays: 0,
    payInstallType: 0,
    version: app.version,
    versionCode: Number(app.version.replace(/\D/g, '')) || 1,
    size: 96468992,
    sha256: '0'.repeat(64),
    hot: '6.3',
    rateNum: String(app.ratingCount),
    downCount: String(app.downloads),
    price: '0',
    releaseDate: state.time(app.releasedAt).getTime(),
    newFeatures: `${app.notes}\u0000`,
    upgradeMsg: '',
    targetSdk: '33',
    minsdk: '24',
    compileSdkVersion: 33,
    minHmosApiLevel: 0,
    apiReleaseType: 'Release',
    mainDeviceCodes: [0],
    releaseCountries: ['CN'],
    'AG-TraceId': '00000000000000000000000000000000',
  });
}

function starInfo(rating: number, count: number) {
  const five = Math.round((count * (rating - 1)) / 4);
  return JSON.stringify({
    averageRating: rating.toFixed(1),
    oneStarRatingCount: count - five,
    twoStarRatingCount: 0,
    threeStarRatingCount: 0,
    fourStarRatingCount: 0,
    fiveStarRatingCount: five,
    myStarRating: 0,
    totalStarRatingCount: count,
    onlyStarCount: 0,
    fullAverageRating: rating.toFixed(2),
    sourceType: 'sandbox',
  });
}

function pageDetail(r: SandboxRequest, state: SandboxState): SandboxResponse {
  const entry = queried(r, state);
  const layoutData: unknown[] = [{ type: 'fl.card.appdetailinfo', data: [{ name: entry?.app.name ?? '' }] }];
  if (entry?.app.rating !== undefined)
    layoutData.push({
      type: 'fl.card.comment',
      data: [{ starInfo: starInfo(entry.app.rating, entry.app.ratingCount) }],
    });
  return json({ pages: [{ data: { cardlist: { layoutData } } }] });
}

function legacySearch(r: SandboxRequest, state: SandboxState): SandboxResponse {
  const uri = r.query.get('uri') ?? '';
  if (r.query.get('method') !== 'internal.getTabDetail' || !uri.startsWith('searchApp|'))
    return json({ layoutData: [] });
  const limit = Math.min(25, Math.max(1, Number(r.query.get('maxResults') ?? 25) || 25));
  const dataList = searchStore(state, 'HUAWEI', uri.slice('searchApp|'.length), limit).map(({ app }) => ({
    name: app.name,
    appid: app.id,
    package: app.packageName,
    kindName: '政务服务',
    tagName: '政务',
    icon: `https://appimg.dbankcdn.com/application/icon144/${app.id}.png`,
    memo: app.description.slice(0, 20),
  }));
  return json({ layoutData: [{ layoutName: 'searchapplist', dataList }] });
}

const handleOfBody = (r: SandboxRequest, state: SandboxState) => queried(r, state)?.handle ?? null;

export const huaweiRoutes: SandboxRouteModule = {
  host: sandboxPathOf('huawei'),
  platform: 'APP_ANDROID',
  routes: [
    {
      id: 'huawei.interface-code',
      method: 'POST',
      pattern: /^\/edge\/webedge\/getInterfaceCode$/,
      handle: interfaceCode,
    },
    {
      id: 'huawei.appinfo',
      method: 'POST',
      pattern: /^\/edge\/webedge\/appinfo$/,
      handleOf: handleOfBody,
      handle: signed(appInfo),
    },
    {
      id: 'huawei.page-detail',
      method: 'POST',
      pattern: /^\/edge\/harmony\/page-detail$/,
      handleOf: handleOfBody,
      handle: signed(pageDetail),
    },
  ],
};

export const huaweiLegacyRoutes: SandboxRouteModule = {
  host: sandboxPathOf('huaweiLegacy'),
  platform: 'APP_ANDROID',
  routes: [{ id: 'huawei.search', method: 'GET', pattern: /^\/uowap\/index$/, handle: signed(legacySearch) }],
};
