import { z } from 'zod';
import { APP_STORES, type AppStoreCode } from '@/lib/schemas/enums';
import type { SandboxState } from '../route-types';
import type { SandboxAccount } from '../scenario';

// App-store listings of a scenario: each APP_IOS/APP_ANDROID account keeps its listing per store in
// `extra.stores`, and `extra.lookalikes` holds listings by other sellers that the stores' searches also find.

export const sandboxStoreAppSchema = z.object({
  /** Store id: iTunes track id, Huawei appId (C…), 应用宝 app_id, Xiaomi appId. */
  id: z.string().min(1),
  name: z.string().min(1),
  /** Legal seller (Apple sellerName, Huawei developerName, 应用宝 developer, Xiaomi publisher line). */
  seller: z.string().min(1),
  sellerId: z.string().optional(),
  /** Developer display name (Apple artistName, Huawei devEnName). */
  developer: z.string().optional(),
  /** Bundle id / package name; an Android account's handle when omitted. */
  packageName: z.string().optional(),
  version: z.string().default('1.0.0'),
  releasedAt: z.string().default('-30d'),
  firstReleasedAt: z.string().optional(),
  notes: z.string().default(''),
  /** Not shown by Xiaomi, whose page carries only the rating count. */
  rating: z.number().min(0).max(5).optional(),
  ratingCount: z.number().int().nonnegative().default(0),
  downloads: z.number().int().nonnegative().default(0),
  description: z.string().default(''),
  /** REMOVED: gone from the store; OFF_SHELF: Huawei still answers, with isShelves 0. */
  status: z.enum(['LISTED', 'REMOVED', 'OFF_SHELF']).default('LISTED'),
  /** 应用宝: the page is assembled by script in the browser (no server-rendered __NEXT_DATA__). */
  clientRendered: z.boolean().default(false),
});
export type SandboxStoreApp = z.output<typeof sandboxStoreAppSchema>;

const appExtraSchema = z.looseObject({
  stores: z.partialRecord(z.enum(APP_STORES), sandboxStoreAppSchema).default({}),
  lookalikes: z.array(sandboxStoreAppSchema.extend({ store: z.enum(APP_STORES) })).default([]),
});

export type StoreEntry = { app: SandboxStoreApp & { packageName: string }; handle: string | null };

const isApp = (a: SandboxAccount) => a.platform === 'APP_IOS' || a.platform === 'APP_ANDROID';

/** Every app a store holds, the monitored ones (with their account handle) first. */
export function storeApps(state: SandboxState, store: AppStoreCode): StoreEntry[] {
  const own: StoreEntry[] = [];
  const others: StoreEntry[] = [];
  for (const account of state.scenario.accounts.filter(isApp)) {
    const extra = appExtraSchema.parse(account.extra);
    const app = extra.stores[store];
    if (app) {
      const status = account.status === 'ACTIVE' ? app.status : 'REMOVED';
      own.push({
        app: {
          ...app,
          status,
          packageName:
            app.packageName ?? (account.platform === 'APP_ANDROID' ? account.handle : `sandbox.ios.${app.id}`),
        },
        handle: account.handle,
      });
    }
    for (const l of extra.lookalikes.filter((x) => x.store === store))
      others.push({ app: { ...l, packageName: l.packageName ?? `sandbox.copy.${l.id}` }, handle: null });
  }
  return [...own, ...others];
}

export const findStoreApp = (state: SandboxState, store: AppStoreCode, match: (app: StoreEntry['app']) => boolean) =>
  storeApps(state, store).find((e) => match(e.app)) ?? null;

const bigrams = (s: string) => new Set(Array.from({ length: Math.max(1, s.length - 1) }, (_, i) => s.slice(i, i + 2)));

/** A store search: listed apps sharing a character pair with the term, as loose as real store search. */
export function searchStore(state: SandboxState, store: AppStoreCode, term: string, limit: number): StoreEntry[] {
  const wanted = bigrams(term.trim());
  return storeApps(state, store)
    .filter((e) => e.app.status === 'LISTED' && [...bigrams(e.app.name)].some((g) => wanted.has(g)))
    .slice(0, limit);
}

/** Apple's ISO form: seconds, `Z`. */
export const appleDate = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');
