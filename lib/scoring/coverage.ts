import { beijingDayEnd, HOUR_MS, shanghaiDaysBetween, shanghaiWallClock } from '@/lib/time';
import type { AccountHistory, FactRead, Insufficiency, InsufficientReason, PostFact } from './types';

// What the crawls read, as the detectors ask it: a rule whose input was not read is INSUFFICIENT_DATA with a
// reason, never CLEAR (docs/scoring.md "What counts as read").

export const insufficiency = (
  code: string,
  reason: InsufficientReason,
  details: Insufficiency['details'] = {},
): Insufficiency => ({ code, reason, details });

/** Shanghai days from the day of `from` to the day of `to` (inclusive) that no successful crawl covered. */
export const daysNotCrawled = (h: AccountHistory, from: Date, to: Date): string[] =>
  shanghaiDaysBetween(from, to).filter((d) => h.coverage.get(d) !== 'COVERED');

/**
 * True when the timeline was read up to `at`. A crawl vouches for its day only up to the moment it ran, so a day
 * counted as crawled may still hold an unread afternoon: without a read at or after `at`, the end of the window is
 * unknown, not silent (docs/scoring.md "Read up to when").
 */
export const isReadThrough = (h: AccountHistory, at: Date): boolean => h.readThrough !== null && h.readThrough >= at;

/** Details of a NOT_READ_THROUGH reason: where the last read ended (Beijing wall-clock minute) and the hours unread up to `at`. */
export function notReadThroughDetails(h: AccountHistory, at: Date): Insufficiency['details'] {
  const read = h.readThrough;
  return {
    readThrough: read?.toISOString() ?? null,
    readThroughAt: read ? shanghaiWallClock(read).toISOString().slice(0, 16).replace('T', ' ') : null,
    unreadHours: read ? Math.ceil((at.getTime() - read.getTime()) / HOUR_MS) : null,
  };
}

/**
 * Days of the window from the day of `from` to the day of `to` that were read in full (the day of `to` up to `to`):
 * COVERED, and, for the latest COVERED day of the account — the only one a crawl may have read partly, since every
 * crawl re-reads from the start of the last covered day — read through its end or through `to`, whichever is
 * earlier. A day crawled at 09:00 and monitored at 20:00 is not read; with the read instant unknown the latest
 * covered day is not either. The coverage figure of a score (`coverage.coveredDays`) is this count
 * (docs/scoring.md "Read up to when").
 */
export function daysReadIn(h: AccountHistory, from: Date, to: Date): string[] {
  const latest = [...h.coverage]
    .filter(([, s]) => s === 'COVERED')
    .map(([d]) => d)
    .sort()
    .at(-1);
  return shanghaiDaysBetween(from, to).filter((d) => {
    if (h.coverage.get(d) !== 'COVERED') return false;
    if (d !== latest) return true;
    const end = beijingDayEnd(d);
    return isReadThrough(h, end < to ? end : to);
  });
}

/** Covered days of the window whose crawls did not read `fact`. */
export const daysWithoutFact = (h: AccountHistory, fact: FactRead, from: Date, to: Date): string[] =>
  shanghaiDaysBetween(from, to).filter((d) => h.coverage.get(d) === 'COVERED' && !h.factsByDay.get(d)?.has(fact));

/**
 * The items that count for freshness (V2, D1) and as "items of the window" (V3, V1.4 silence): every item by its own
 * publication date, pinned or not, original or repost. Pinning neither makes an old item fresh nor hides a new one
 * (docs/platform-formats.md §1.3). The read model account.last_post_at (lib/data/posts.ts) follows the same rule.
 */
export const itemsPublishedIn = (posts: readonly PostFact[], from: Date, to: Date): PostFact[] =>
  posts.filter((p) => p.publishedAt > from && p.publishedAt <= to);
