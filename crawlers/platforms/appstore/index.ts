import { z } from 'zod';
import { isCrawlError } from '../../errors';
import { guardCrawl } from '../../outcome';
import type { CrawlContext, Crawler, CrawlTarget } from '../../types';
import {
  appSnapshot,
  attemptStore,
  LOOKALIKE_DEFAULTS,
  lookalikeOptionsSchema,
  searchTermsFor,
  selectLookalikes,
  type StoreReading,
} from '../apps/reading';
import { createItunesClient } from './client';
import { toListing, toProfile, toRelease } from './parse';

// iOS apps in the Apple App Store (docs/platform-formats.md §3.1): lookup for the app itself, search by its name for
// look-alike listings from other sellers. The account handle is the track id (or the bundle id).

const configSchema = z.looseObject({
  appStore: lookalikeOptionsSchema
    .extend({
      trackId: z.string().regex(/^\d+$/).optional(),
      bundleId: z.string().min(1).optional(),
      country: z
        .string()
        .regex(/^[a-z]{2}$/)
        .default('cn'),
      searchLimit: z.number().int().min(1).max(200).default(50),
    })
    .default({ ...LOOKALIKE_DEFAULTS, country: 'cn', searchLimit: 50 }),
});

export const appStoreCrawler: Crawler = {
  platform: 'APP_IOS',
  crawl: (target, ctx) =>
    guardCrawl(target, ctx, async () =>
      appSnapshot(target, ctx, [await attemptStore('APP_STORE', () => readAppStore(target, ctx))]),
    ),
};

export async function readAppStore(target: CrawlTarget, ctx: CrawlContext): Promise<StoreReading> {
  const config = configSchema.parse(target.crawlConfig ?? {}).appStore;
  const client = createItunesClient(ctx, config.country);
  const app = await client.lookup(config.trackId ?? config.bundleId ?? target.handle);
  let partial = false;
  const candidates = [];
  for (const term of searchTermsFor(app.trackName, config)) {
    try {
      candidates.push(...(await client.search(term, config.searchLimit)));
    } catch (error) {
      if (!isCrawlError(error)) throw error;
      partial = true;
    }
  }
  const lookalikes = selectLookalikes(
    {
      storeAppId: String(app.trackId),
      names: [app.trackName, ...config.searchTerms],
      sellers: [app.sellerName, app.artistName, app.artistId?.toString()],
    },
    candidates.map(toListing),
    config,
  );
  return { store: 'APP_STORE', release: toRelease(app), profile: toProfile(app), lookalikes, partial };
}
