import { z } from 'zod';
import { CrawlError, isCrawlError } from '../../errors';
import type { CrawlContext, CrawlTarget } from '../../types';
import { lookalikeOptionsSchema, searchTermsFor, selectLookalikes, type StoreReading } from '../apps/reading';
import { componentItems, detailItem, needsBrowser, readNextData, updateDateOf, type YybPage } from './page';
import { toListing, toProfile, toRelease } from './parse';
import { detailItemSchema, searchItemSchema } from './schemas';

// Tencent 应用宝 (docs/platform-formats.md §3.3): `/appdetail/{package}` for the app, `/search?q=` for look-alikes.
// Pages are server-rendered Next.js; when the data script is missing and a browser is available, the page is
// rendered in Chromium once before giving up.

export const yingyongbaoOptionsSchema = lookalikeOptionsSchema;

async function fetchPage(ctx: CrawlContext, path: string): Promise<YybPage> {
  const url = `${ctx.origins.yingyongbao}${path}`;
  const response = await ctx.http.fetchText({
    url,
    scope: 'YINGYONGBAO',
    signal: ctx.signal,
    headers: { accept: 'text/html,application/xhtml+xml' },
  });
  if (!needsBrowser(response.text) || !ctx.browser)
    return { status: response.status, url: response.url, html: response.text };
  const rendered = await ctx.browser.fetchHtml(url);
  return { status: rendered.status, url: rendered.url, html: rendered.html };
}

export async function readYingyongbao(
  target: CrawlTarget,
  ctx: CrawlContext,
  options: z.output<typeof yingyongbaoOptionsSchema>,
): Promise<StoreReading> {
  const pkg = target.handle;
  const page = await fetchPage(ctx, `/appdetail/${encodeURIComponent(pkg)}`);
  const parsed = detailItemSchema.safeParse(detailItem(readNextData(page, pkg), pkg));
  if (!parsed.success)
    throw new CrawlError(
      'PARSE',
      `应用宝 page for ${pkg} has no readable detail item: ${z.prettifyError(parsed.error).slice(0, 200)}`,
      { httpStatus: page.status },
    );
  const item = parsed.data;
  let partial = false;
  const candidates = [];
  for (const term of searchTermsFor(item.name, options)) {
    try {
      const results =
        componentItems(
          readNextData(await fetchPage(ctx, `/search?q=${encodeURIComponent(term)}`), `search ${term}`),
          'SearchList',
        ) ?? [];
      candidates.push(
        ...results.flatMap((r) => {
          const hit = searchItemSchema.safeParse(r);
          return hit.success ? [toListing(hit.data)] : [];
        }),
      );
    } catch (error) {
      if (!isCrawlError(error)) throw error;
      partial = true;
    }
  }
  const lookalikes = selectLookalikes(
    { storeAppId: item.pkg_name, names: [item.name, ...options.searchTerms], sellers: [item.developer, item.operator] },
    candidates,
    options,
  );
  return {
    store: 'YINGYONGBAO',
    release: toRelease(item, item.update_time ?? updateDateOf(page.html)),
    profile: toProfile(item),
    lookalikes,
    partial,
  };
}
