import type { Db } from '@/lib/db/types';
import type { AppReleaseInput, StoreListingInput } from '@/lib/schemas/snapshot';

export async function upsertAppReleases(
  db: Db,
  accountId: string,
  releases: AppReleaseInput[],
  observedAt: Date,
): Promise<void> {
  for (const r of releases) {
    const fields = {
      releasedAt: r.releasedAt ?? null,
      rating: r.rating ?? null,
      ratingCount: r.ratingCount ?? null,
      sellerName: r.sellerName ?? null,
      sellerId: r.sellerId ?? null,
      appName: r.appName,
      observedAt,
    };
    await db.appRelease.upsert({
      where: { accountId_store_version: { accountId, store: r.store, version: r.version } },
      create: { accountId, store: r.store, version: r.version, ...fields },
      update: fields,
    });
  }
}

export async function upsertStoreListings(
  db: Db,
  accountId: string,
  listings: StoreListingInput[],
  observedAt: Date,
): Promise<void> {
  for (const l of listings) {
    const fields = {
      appName: l.appName,
      sellerName: l.sellerName ?? null,
      sellerId: l.sellerId ?? null,
      url: l.url ?? null,
      observedAt,
    };
    await db.storeListing.upsert({
      where: { accountId_store_storeAppId: { accountId, store: l.store, storeAppId: l.storeAppId } },
      create: { accountId, store: l.store, storeAppId: l.storeAppId, ...fields },
      update: fields,
    });
  }
}
