import { DAY_MS, MINUTE_MS, shanghaiDay, shanghaiDayStart } from '@/lib/time';

// Pure: when a message may go out. Minutes are Beijing minutes of the day (0–1439); China has no daylight saving.

export const beijingMinuteOfDay = (now: Date): number =>
  Math.floor(((((now.getTime() + 8 * 60 * MINUTE_MS) % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);

export const isInQuietHours = (minute: number, start: number, end: number): boolean =>
  start < end ? minute >= start && minute < end : minute >= start || minute < end;

/** The end of the quiet hours `now` falls in, or null when it falls in none (or none are set). */
export function quietUntil(now: Date, start: number | null, end: number | null): Date | null {
  if (start === null || end === null || start === end) return null;
  if (!isInQuietHours(beijingMinuteOfDay(now), start, end)) return null;
  const candidate = new Date(shanghaiDayStart(shanghaiDay(now)).getTime() + end * MINUTE_MS);
  return candidate.getTime() > now.getTime() ? candidate : new Date(candidate.getTime() + DAY_MS);
}

/**
 * The digest due by `now`: today's (Beijing) digest instant once it has passed, with the 24 hours before it as the
 * window of alerts it reports. Before the digest time, null (yesterday's was due yesterday).
 */
export function dueDigest(now: Date, digestMinute: number): { day: string; at: Date; from: Date } | null {
  const day = shanghaiDay(now);
  const at = new Date(shanghaiDayStart(day).getTime() + digestMinute * MINUTE_MS);
  if (at.getTime() > now.getTime()) return null;
  return { day, at, from: new Date(at.getTime() - DAY_MS) };
}
