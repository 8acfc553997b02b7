// The one clock of the product (docs/dates.md): every Shanghai-day computation lives here. Pure — no process clock,
// no I/O — so lib/scoring may import it (eslint.config.mjs).

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
// China has had no daylight-saving time since 1991, so Asia/Shanghai is a fixed UTC+8 offset.
export const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** Calendar day (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai calendar day starts. */
export function shanghaiDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS);
}

/** Every Shanghai day from the day of `from` to the day of `to`, inclusive. */
export function shanghaiDaysBetween(from: Date, to: Date): string[] {
  const days: string[] = [];
  if (to < from) return days;
  for (let t = shanghaiDayStart(shanghaiDay(from)).getTime(); t <= to.getTime(); t += DAY_MS) {
    days.push(shanghaiDay(new Date(t)));
  }
  return days;
}

/** A DATE column value (UTC midnight) for a Shanghai day string. */
export const dayToDate = (day: string): Date => new Date(`${day}T00:00:00.000Z`);
export const dateToDay = (date: Date): string => date.toISOString().slice(0, 10);

/** Whole days from the Shanghai day `from` to the Shanghai day `to` (negative when `to` is earlier). */
export const daysFromTo = (from: string, to: string): number =>
  Math.round((dayToDate(to).getTime() - dayToDate(from).getTime()) / DAY_MS);

/** The Shanghai wall-clock reading of an instant, as a Date whose UTC fields are Beijing's (year, month, hour …). */
export const shanghaiWallClock = (instant: Date): Date => new Date(instant.getTime() + SHANGHAI_OFFSET_MS);

// ---- Date-only and wall-clock inputs -------------------------------------------------------------
// A person typing "2026-12-04" in this product means the Beijing calendar day, never UTC midnight
// (which is 08:00 in Beijing and, between 16:00 and 24:00 UTC, still "tomorrow" there).

const DAY_INPUT = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_CLOCK_INPUT = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

export type BeijingDay = { day: string; start: Date; end: Date };

/** The first instant of a Beijing day. */
export const beijingDayStart = shanghaiDayStart;
/** The last instant (millisecond) of a Beijing day: its calendar day is still `day`. */
export const beijingDayEnd = (day: string): Date => new Date(shanghaiDayStart(day).getTime() + DAY_MS - 1);
/** Today's Beijing day at `now` (pass the injected clock, never read the process clock here). */
export const beijingToday = (now: Date): string => shanghaiDay(now);
/** The Beijing day `n` days after `day` (negative goes back). */
export const addBeijingDays = (day: string, n: number): string =>
  dateToDay(new Date(dayToDate(day).getTime() + n * DAY_MS));
/**
 * The last complete Beijing day at `now` (yesterday): the default monitoring date of inspections, which the crawls
 * after midnight read through (docs/scoring.md "Read up to when").
 */
export const lastCompleteBeijingDay = (now: Date): string => addBeijingDays(beijingToday(now), -1);
/** A Beijing day's last second as a datetime-local value (`YYYY-MM-DDT23:59:59`, read back as Beijing time). */
export const beijingDayEndInput = (day: string): string => `${day}T23:59:59`;

/** A YYYY-MM-DD input read as a Beijing calendar day; null unless it names a real date (no 2026-02-30). */
export function parseBeijingDay(input: string): BeijingDay | null {
  const match = DAY_INPUT.exec(input.trim());
  if (!match) return null;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const utc = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(utc.getTime()) || dateToDay(utc) !== day) return null;
  return { day, start: beijingDayStart(day), end: beijingDayEnd(day) };
}

/**
 * A date-time input as an instant: `YYYY-MM-DDTHH:mm[:ss[.mmm]]` without offset is Beijing wall-clock time
 * (what <input type="datetime-local"> sends, whatever the browser's time zone); an ISO string with `Z` or an
 * offset is that instant. Date-only strings are refused here: the caller decides which end of the day it means.
 */
export function parseBeijingDateTime(input: string): Date | null {
  const value = input.trim();
  const wall = WALL_CLOCK_INPUT.exec(value);
  if (wall) {
    const day = parseBeijingDay(wall[1]!);
    const [h, m, s, ms] = [
      Number(wall[2]),
      Number(wall[3]),
      Number(wall[4] ?? 0),
      Number((wall[5] ?? '0').padEnd(3, '0')),
    ];
    if (!day || h > 23 || m > 59 || s > 59) return null;
    return new Date(day.start.getTime() + ((h * 60 + m) * 60 + s) * 1000 + ms);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value)) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}
