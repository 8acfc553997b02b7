import { z } from 'zod';
import type { AppReleaseInput, ProfileInput } from '@/lib/schemas/snapshot';
import { CrawlError, redactUrl } from '../../errors';
import { storeProfile } from '../apps/reading';
import { byClass, byTag, select, selectAll, textOf, tokenAfter } from './page';
import { xiaomiDetailSchema, type XiaomiDetail } from './schemas';

// app.mi.com detail page → snapshot parts (docs/platform-formats.md §3.4).

export type XiaomiPage = { status: number; url: string; html: string };

/** The developer line is the `<p>` above the name in `.intro-titles` [I page layout]; absent → null. */
function publisherOf(introTitles: string): string | null {
  const beforeName = introTitles.split(/<h3\b/i)[0] ?? '';
  const line = selectAll(beforeName, (tag, attrs) => tag === 'p' && !byClass('special-font')(tag, attrs))[0];
  return line === undefined ? null : textOf(line);
}

/** Reads a detail page; a listed app's page has `.bigimg-scroll-title` (the screenshot strip), any other is NOT_FOUND. */
export function readDetailPage(page: XiaomiPage, pkg: string): XiaomiDetail {
  // A page cut short lacks the strip too; calling that "not listed" would report a listed app as gone.
  if (!/<\/html>/i.test(page.html)) {
    throw new CrawlError('PARSE', `小米应用商店 page for ${pkg} ends before </html> (${page.html.length} characters)`, {
      httpStatus: page.status,
    });
  }
  if (selectAll(page.html, byClass('bigimg-scroll-title')).length === 0) {
    throw new CrawlError('NOT_FOUND', `小米应用商店 does not list ${pkg} (no app page at ${redactUrl(page.url)})`, {
      httpStatus: page.status,
    });
  }
  const intro = select(page.html, byClass('intro-titles'));
  const name = intro === null ? null : select(intro, byTag('h3'));
  const comment = select(page.html, byClass('app-intro-comment'));
  const container = textOf(select(page.html, byClass('main'), byClass('container')) ?? '');
  const parsed = xiaomiDetailSchema.safeParse({
    name: name === null ? undefined : textOf(name),
    publisher: intro === null ? null : publisherOf(intro),
    ratingCount: comment === null ? null : (/(\d+)\s*次评分/.exec(textOf(comment))?.[1] ?? null),
    version: tokenAfter(container, '版本号') ?? undefined,
    updatedAt: tokenAfter(container, '更新时间'),
  });
  if (!parsed.success) {
    throw new CrawlError(
      'PARSE',
      `小米应用商店 page for ${pkg} is unreadable: ${z.prettifyError(parsed.error).slice(0, 200)}`,
      { httpStatus: page.status },
    );
  }
  return parsed.data;
}

export function toRelease(detail: XiaomiDetail): AppReleaseInput {
  return {
    store: 'XIAOMI',
    version: detail.version,
    releasedAt: detail.updatedAt,
    // The page shows how many ratings there are, never their score (§3.4), so Xiaomi cannot be D7's worst rating.
    rating: null,
    ratingCount: detail.ratingCount,
    sellerName: detail.publisher,
    sellerId: null,
    appName: detail.name,
    hasFeedbackChannel: null,
  };
}

export function toProfile(detail: XiaomiDetail): ProfileInput {
  return storeProfile({ displayName: detail.name, avatarUrl: null, description: null });
}
