import { z } from 'zod';
import { CrawlError, isCrawlError } from '../../errors';
import type { CrawlContext, CrawlTarget } from '../../types';
import {
  LOOKALIKE_DEFAULTS,
  lookalikeOptionsSchema,
  searchTermsFor,
  selectLookalikes,
  type StoreReading,
} from '../apps/reading';
import { createHuaweiClient, type HuaweiClient, type InterfaceCodeCache } from './client';
import { toListing, toProfile, toRelease } from './parse';
import type { HuaweiAppInfo } from './schemas';

// Huawei AppGallery (docs/platform-formats.md §3.2): app info by package name (or appId), rating from the detail page's
// comment card, look-alikes from the legacy search whose hits are then read for their developer.

export const huaweiOptionsSchema = lookalikeOptionsSchema.extend({
  appId: z
    .string()
    .regex(/^C\d+$/)
    .optional(),
  /** Search hits read for their developer (one app-info call each). */
  maxCandidates: z.number().int().min(0).max(25).default(8),
});
export const HUAWEI_DEFAULTS: z.output<typeof huaweiOptionsSchema> = { ...LOOKALIKE_DEFAULTS, maxCandidates: 8 };

export async function readHuawei(
  target: CrawlTarget,
  ctx: CrawlContext,
  options: z.output<typeof huaweiOptionsSchema>,
  cache: InterfaceCodeCache,
): Promise<StoreReading> {
  const client = createHuaweiClient(ctx, cache);
  const app = await client.appInfo(options.appId ? { appId: options.appId } : { pkgName: target.handle });
  if (app.isShelves === 0)
    throw new CrawlError('DELETED', `AppGallery lists ${app.pkgName} (${app.appId}) as off the shelf (isShelves 0)`, {
      httpStatus: 200,
      retryable: false,
    });
  let partial = false;
  const optional = async <T>(read: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await read();
    } catch (error) {
      if (!isCrawlError(error)) throw error;
      partial = true;
      return fallback;
    }
  };
  const stars = await optional(() => client.rating(app.appId), null);
  const candidates = await optional(() => searchCandidates(client, app, options), []);
  const lookalikes = selectLookalikes(
    {
      storeAppId: app.appId,
      names: [app.name, ...options.searchTerms],
      sellers: [app.developerName, app.supplier, app.devEnName, app.devId],
    },
    candidates,
    options,
  );
  return { store: 'HUAWEI', release: toRelease(app, stars), profile: toProfile(app), lookalikes, partial };
}

/** Search hits similar enough to matter, each read for its developer (the search layout carries only name and id). */
async function searchCandidates(
  client: HuaweiClient,
  app: HuaweiAppInfo,
  options: z.output<typeof huaweiOptionsSchema>,
) {
  const hits = new Map<string, string>();
  for (const term of searchTermsFor(app.name, options))
    for (const hit of await client.search(term, 25)) hits.set(hit.appId, hit.name);
  hits.delete(app.appId);
  const similar = selectLookalikes(
    { storeAppId: app.appId, names: [app.name, ...options.searchTerms], sellers: [] },
    [...hits].map(([appId, name]) => ({ store: 'HUAWEI' as const, storeAppId: appId, appName: name })),
    { ...options, maxLookalikes: options.maxCandidates },
  );
  const listings = [];
  for (const hit of similar) {
    try {
      listings.push(toListing(await client.appInfo({ appId: hit.storeAppId })));
    } catch (error) {
      if (!isCrawlError(error) || error.kind !== 'NOT_FOUND') throw error;
    }
  }
  return listings;
}
