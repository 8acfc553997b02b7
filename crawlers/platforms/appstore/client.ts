import { z } from 'zod';
import { CrawlError, redactUrl } from '../../errors';
import { parseJsonBody } from '../../http';
import type { CrawlContext } from '../../types';
import { itunesEnvelopeSchema, itunesSoftwareSchema, softwareResults, type ItunesSoftware } from './schemas';

// itunes.apple.com `/lookup` and `/search` (docs/platform-formats.md §0, §3.1). Apple documents ~20 calls per minute;
// over it answers 403 or 429 [U which], so both count as throttling here.

const THROTTLE_STATUSES = [403] as const;

export type ItunesClient = ReturnType<typeof createItunesClient>;

export function createItunesClient(ctx: CrawlContext, country: string) {
  const origin = ctx.origins.itunes;

  async function call(path: string, params: Record<string, string>) {
    const url = `${origin}${path}?${new URLSearchParams({ ...params, country, entity: 'software' })}`;
    const response = await ctx.http.fetchText({
      url,
      scope: 'APP_STORE',
      signal: ctx.signal,
      acceptStatuses: THROTTLE_STATUSES,
      headers: { accept: 'application/json' },
    });
    if (response.status === 403)
      throw new CrawlError('RATE_LIMITED', `HTTP 403 from ${redactUrl(url)} (iTunes throttling)`, { httpStatus: 403 });
    return parseJsonBody(response, itunesEnvelopeSchema);
  }

  return {
    /** The app by track id (digits) or bundle id; `resultCount: 0` means it is not (or no longer) listed in this storefront. */
    async lookup(handle: string): Promise<ItunesSoftware> {
      const key = /^\d+$/.test(handle) ? 'id' : 'bundleId';
      const body = await call('/lookup', { [key]: handle });
      const [first] = softwareResults(body.results);
      if (body.resultCount === 0 || first === undefined) {
        throw new CrawlError(
          'NOT_FOUND',
          `App ${key}=${handle} is not listed in the ${country.toUpperCase()} App Store (resultCount 0: removed or wrong id)`,
          { httpStatus: 200 },
        );
      }
      const parsed = itunesSoftwareSchema.safeParse(first);
      if (!parsed.success)
        throw new CrawlError(
          'PARSE',
          `Unexpected lookup result for ${key}=${handle}: ${z.prettifyError(parsed.error).slice(0, 300)}`,
          { httpStatus: 200 },
        );
      return parsed.data;
    },

    /** Search hits for a term; a hit that does not parse is skipped, not fatal (it only feeds look-alikes). */
    async search(term: string, limit: number): Promise<ItunesSoftware[]> {
      const body = await call('/search', { term, limit: String(limit) });
      return softwareResults(body.results).flatMap((r) => {
        const parsed = itunesSoftwareSchema.safeParse(r);
        return parsed.success ? [parsed.data] : [];
      });
    },
  };
}
