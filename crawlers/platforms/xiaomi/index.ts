import type { CrawlContext, CrawlTarget } from '../../types';
import type { StoreReading } from '../apps/reading';
import { readDetailPage, toProfile, toRelease } from './parse';

// Xiaomi 小米应用商店 (docs/platform-formats.md §3.4): one server-rendered detail page per package name. The spec documents
// no Xiaomi search, so this store adds no look-alikes.

export async function readXiaomi(target: CrawlTarget, ctx: CrawlContext): Promise<StoreReading> {
  const pkg = target.handle;
  const url = `${ctx.origins.xiaomi}/details?${new URLSearchParams({ id: pkg, ref: 'search' })}`;
  const response = await ctx.http.fetchText({
    url,
    scope: 'XIAOMI',
    signal: ctx.signal,
    headers: { accept: 'text/html,application/xhtml+xml' },
  });
  const detail = readDetailPage({ status: response.status, url: response.url, html: response.text }, pkg);
  return { store: 'XIAOMI', release: toRelease(detail), profile: toProfile(detail), lookalikes: [], partial: false };
}
