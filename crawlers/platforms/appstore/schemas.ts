import { z } from 'zod';

// iTunes Lookup / Search API bodies (docs/platform-formats.md §3.1). Loose objects: Apple adds fields freely.

const isoDate = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

export const itunesEnvelopeSchema = z.looseObject({
  resultCount: z.number().int().nonnegative(),
  results: z.array(z.unknown()),
});

export const itunesSoftwareSchema = z.looseObject({
  wrapperType: z.string().optional(),
  kind: z.string().optional(),
  trackId: z.number().int().positive(),
  trackName: z.string().min(1),
  bundleId: z.string().min(1),
  /** Legal seller: what look-alike detection compares (§3.1). */
  sellerName: z.string().optional(),
  artistId: z.number().int().optional(),
  /** Developer display name. */
  artistName: z.string().optional(),
  trackViewUrl: z.string().optional(),
  version: z.string().min(1),
  currentVersionReleaseDate: isoDate.optional(),
  releaseDate: isoDate.optional(),
  releaseNotes: z.string().optional(),
  averageUserRating: z.number().min(0).max(5).optional(),
  userRatingCount: z.number().int().nonnegative().optional(),
  description: z.string().optional(),
  sellerUrl: z.string().optional(),
  artworkUrl512: z.string().optional(),
  artworkUrl100: z.string().optional(),
  artworkUrl60: z.string().optional(),
});
export type ItunesSoftware = z.output<typeof itunesSoftwareSchema>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Results that are software (others are dropped, as app-store-scraper does); `wrapperType` first, `kind` for older bodies. */
export function softwareResults(results: readonly unknown[]): unknown[] {
  return results.filter((r) => isRecord(r) && (r.wrapperType ?? r.kind) === 'software');
}
