import type { AppReleaseInput, ProfileInput, StoreListingInput } from '@/lib/schemas/snapshot';
import { storeProfile } from '../apps/reading';
import type { YybDetailItem, YybSearchItem } from './schemas';

// 应用宝 items → snapshot parts (docs/platform-formats.md §3.3). The store shows no rating count, so a low 应用宝 rating
// alone never meets D7's "at least 50 ratings".

export const detailUrl = (pkg: string) => `https://sj.qq.com/appdetail/${encodeURIComponent(pkg)}`;

export function toRelease(item: YybDetailItem, releasedAt: Date | null): AppReleaseInput {
  return {
    store: 'YINGYONGBAO',
    version: item.version_name,
    releasedAt,
    rating: item.average_rating ?? null,
    ratingCount: null,
    sellerName: item.developer || item.operator || null,
    sellerId: null,
    appName: item.name,
    hasFeedbackChannel: null,
  };
}

export function toListing(item: YybSearchItem | YybDetailItem): StoreListingInput {
  return {
    store: 'YINGYONGBAO',
    storeAppId: item.pkg_name,
    appName: item.name,
    sellerName: item.developer || null,
    sellerId: null,
    url: detailUrl(item.pkg_name),
  };
}

export function toProfile(item: YybDetailItem): ProfileInput {
  return storeProfile({ displayName: item.name, avatarUrl: item.icon, description: item.description });
}
