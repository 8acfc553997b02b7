import type { AppReleaseInput, ProfileInput, StoreListingInput } from '@/lib/schemas/snapshot';
import { storeProfile } from '../apps/reading';
import type { ItunesSoftware } from './schemas';

// iTunes software results → snapshot parts. D7 reads currentVersionReleaseDate, averageUserRating +
// userRatingCount and trackName/sellerName (docs/platform-formats.md §3.1).

const sellerOf = (app: ItunesSoftware) => app.sellerName ?? app.artistName ?? null;
const sellerIdOf = (app: ItunesSoftware) => (app.artistId === undefined ? null : String(app.artistId));

export function toRelease(app: ItunesSoftware): AppReleaseInput {
  return {
    store: 'APP_STORE',
    version: app.version,
    releasedAt: app.currentVersionReleaseDate ?? null,
    rating: app.averageUserRating ?? null,
    ratingCount: app.userRatingCount ?? null,
    sellerName: sellerOf(app),
    sellerId: sellerIdOf(app),
    appName: app.trackName,
    // The store's own reviews are no feedback channel of the agency; the app's in-app channel is not visible here.
    hasFeedbackChannel: null,
  };
}

export function toListing(app: ItunesSoftware): StoreListingInput {
  return {
    store: 'APP_STORE',
    storeAppId: String(app.trackId),
    appName: app.trackName,
    sellerName: sellerOf(app),
    sellerId: sellerIdOf(app),
    url: app.trackViewUrl ?? `https://apps.apple.com/cn/app/id${app.trackId}`,
  };
}

export function toProfile(app: ItunesSoftware): ProfileInput {
  return storeProfile({
    displayName: app.trackName,
    avatarUrl: app.artworkUrl512 ?? app.artworkUrl100 ?? app.artworkUrl60,
    description: app.description,
  });
}
