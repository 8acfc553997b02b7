import { z } from 'zod';
import type { AppReleaseInput, ProfileInput, StoreListingInput } from '@/lib/schemas/snapshot';
import { CrawlError, redactUrl } from '../../errors';
import { parseJsonBody, type HttpTextResponse } from '../../http';
import { storeProfile } from '../apps/reading';
import { appInfoSchema, pageDetailSchema, starInfoSchema, type HuaweiAppInfo, type HuaweiStarInfo } from './schemas';

// AppGallery app info (+ star info) → snapshot parts (docs/platform-formats.md §3.2).

/** App info body; empty (harmony_markget_get treats a zero-length body as a failed query) or without appId = not listed. */
export function readAppInfo(response: HttpTextResponse, what: string): HuaweiAppInfo {
  // Invisible NULs occur inside some listings' strings (§3.2); they are dropped before parsing.
  const clean = { ...response, text: response.text.replace(/\\u0000/g, '') };
  const raw = clean.text.trim() === '' ? {} : parseJsonBody(clean, z.record(z.string(), z.unknown()));
  if (typeof raw.appId !== 'string' || raw.appId === '') {
    throw new CrawlError(
      'NOT_FOUND',
      `AppGallery does not list ${what} (empty app info from ${redactUrl(response.url)})`,
      { httpStatus: response.status },
    );
  }
  return parseJsonBody(clean, appInfoSchema);
}

/** `starInfo` of the first `fl.card.comment` card (a JSON string inside the JSON); null when there is none. */
export function readStarInfo(response: HttpTextResponse): HuaweiStarInfo | null {
  const page = parseJsonBody(response, pageDetailSchema);
  const card = page.pages[0]?.data.cardlist.layoutData.find((l) => l.type === 'fl.card.comment');
  const starInfo = card?.data?.[0]?.starInfo;
  return starInfo ? parseJsonBody({ ...response, text: starInfo }, starInfoSchema) : null;
}

export const appGalleryUrl = (appId: string) => `https://appgallery.huawei.com/app/${appId}`;

const sellerOf = (app: HuaweiAppInfo) => app.developerName || app.supplier || app.devEnName || null;

/** Rating from the comment card (the precise `fullAverageRating` first); the count falls back to `rateNum`. */
export function toRelease(app: HuaweiAppInfo, stars: HuaweiStarInfo | null): AppReleaseInput {
  const rating = stars?.fullAverageRating ?? stars?.averageRating ?? null;
  return {
    store: 'HUAWEI',
    version: app.version,
    releasedAt: app.releaseDate === undefined ? null : new Date(app.releaseDate),
    rating: rating === null ? null : Math.min(5, Math.max(0, rating)),
    ratingCount: stars?.totalStarRatingCount ?? app.rateNum ?? null,
    sellerName: sellerOf(app),
    sellerId: app.devId ?? null,
    appName: app.name,
    hasFeedbackChannel: null,
  };
}

export function toListing(app: HuaweiAppInfo): StoreListingInput {
  return {
    store: 'HUAWEI',
    storeAppId: app.appId,
    appName: app.name,
    sellerName: sellerOf(app),
    sellerId: app.devId ?? null,
    url: appGalleryUrl(app.appId),
  };
}

export function toProfile(app: HuaweiAppInfo): ProfileInput {
  return storeProfile({
    displayName: app.name,
    avatarUrl: app.icon,
    description: [app.briefDes, app.description].filter(Boolean).join('\n') || null,
  });
}
