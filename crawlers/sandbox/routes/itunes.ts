import { json, type SandboxRequest, type SandboxRouteModule, type SandboxState } from '../route-types';
import { appleDate, findStoreApp, searchStore, storeApps, type StoreEntry } from './app-wire';
import { sandboxPathOf } from '../../origins';

// itunes.apple.com Lookup and Search API (docs/platform-formats.md §3.1): `{resultCount, results}` with software results;
// an app that is not listed is `resultCount: 0` with HTTP 200.

function software(entry: StoreEntry, state: SandboxState) {
  const { app } = entry;
  const sellerId = app.sellerId ?? `17${app.id.slice(-8).padStart(8, '0')}`;
  const rating = app.rating ?? 0;
  return {
    wrapperType: 'software',
    kind: 'software',
    trackId: Number(app.id),
    trackName: app.name,
    trackCensoredName: app.name,
    bundleId: app.packageName,
    sellerName: app.seller,
    artistId: Number(sellerId),
    artistName: app.developer ?? app.seller,
    artistViewUrl: `https://apps.apple.com/cn/developer/id${sellerId}?uo=4`,
    trackViewUrl: `https://apps.apple.com/cn/app/${encodeURIComponent(app.name)}/id${app.id}?uo=4`,
    version: app.version,
    currentVersionReleaseDate: appleDate(state.time(app.releasedAt)),
    releaseDate: appleDate(state.time(app.firstReleasedAt ?? app.releasedAt)),
    releaseNotes: app.notes,
    averageUserRating: rating,
    userRatingCount: app.ratingCount,
    averageUserRatingForCurrentVersion: rating,
    userRatingCountForCurrentVersion: app.ratingCount,
    description: app.description,
    primaryGenreName: 'Utilities',
    primaryGenreId: 6002,
    genres: ['Utilities'],
    genreIds: ['6002'],
    contentAdvisoryRating: '4+',
    trackContentRating: '4+',
    minimumOsVersion: '12.0',
    fileSizeBytes: '183240704',
    languageCodesISO2A: ['ZH'],
    price: 0,
    currency: 'CNY',
    formattedPrice: '免费',
    isVppDeviceBasedLicensingEnabled: true,
    isGameCenterEnabled: false,
    features: [],
    advisories: [],
    supportedDevices: ['iPhone12-iPhone12'],
    artworkUrl60: `https://is1-ssl.mzstatic.com/image/thumb/Purple/v4/${app.id}/icon/60x60bb.jpg`,
    artworkUrl100: `https://is1-ssl.mzstatic.com/image/thumb/Purple/v4/${app.id}/icon/100x100bb.jpg`,
    artworkUrl512: `https://is1-ssl.mzstatic.com/image/thumb/Purple/v4/${app.id}/icon/512x512bb.jpg`,
    screenshotUrls: [],
    ipadScreenshotUrls: [],
    appletvScreenshotUrls: [],
  };
}

const listed = (entry: StoreEntry | null, state: SandboxState) =>
  entry && entry.app.status === 'LISTED' && state.time(entry.app.releasedAt) <= state.now() ? [entry] : [];

function lookedUp(r: SandboxRequest, state: SandboxState): StoreEntry[] {
  const ids = (r.query.get('id') ?? '').split(',').filter(Boolean);
  const bundleId = r.query.get('bundleId');
  if (bundleId)
    return listed(
      findStoreApp(state, 'APP_STORE', (a) => a.packageName === bundleId),
      state,
    );
  return ids.flatMap((id) =>
    listed(
      findStoreApp(state, 'APP_STORE', (a) => a.id === id),
      state,
    ),
  );
}

function lookup(r: SandboxRequest, state: SandboxState) {
  const results = lookedUp(r, state).map((e) => software(e, state));
  return json({ resultCount: results.length, results });
}

function search(r: SandboxRequest, state: SandboxState) {
  const limit = Math.min(200, Math.max(1, Number(r.query.get('limit') ?? 50) || 50));
  const results = searchStore(state, 'APP_STORE', r.query.get('term') ?? '', limit).map((e) => software(e, state));
  return json({ resultCount: results.length, results });
}

const handleOfLookup = (r: SandboxRequest, state: SandboxState) => {
  const id = r.query.get('id');
  const bundleId = r.query.get('bundleId');
  return (
    storeApps(state, 'APP_STORE').find((e) => e.handle && (e.app.id === id || e.app.packageName === bundleId))
      ?.handle ?? null
  );
};

export const itunesRoutes: SandboxRouteModule = {
  host: sandboxPathOf('itunes'),
  platform: 'APP_IOS',
  routes: [
    { id: 'appstore.lookup', method: 'GET', pattern: /^\/lookup$/, handleOf: handleOfLookup, handle: lookup },
    { id: 'appstore.search', method: 'GET', pattern: /^\/search$/, handle: search },
  ],
};
