import type { WorkCalendar } from './types';

// lib/scoring cannot import lib/time; Asia/Shanghai is a fixed UTC+8 offset (no DST since 1991).
const OFFSET = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

export const dayOf = (t: Date): string => new Date(t.getTime() + OFFSET).toISOString().slice(0, 10);

/** Shanghai days from the day of `from` to the day of `to`, inclusive. */
export function daysBetween(from: Date, to: Date): string[] {
  const out: string[] = [];
  for (let d = dayOf(from); d <= dayOf(to); d = new Date(Date.parse(`${d}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)) out.push(d);
  return out;
}

export function isWorkday(day: string, cal: WorkCalendar): boolean {
  if (cal.workdays.has(day)) return true;
  if (cal.holidays.has(day)) return false;
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6;
}

/** Working days elapsed between two instants: whole working days strictly after the first day, plus same-day fraction 0. */
export function workdaysBetween(from: Date, to: Date, cal: WorkCalendar): number {
  if (to <= from) return 0;
  return daysBetween(from, to).slice(1).filter((d) => isWorkday(d, cal)).length;
}

/** The Shanghai day `n` working days after the day of `from` (rectification deadlines). */
export function addWorkdays(from: Date, n: number, cal: WorkCalendar): string {
  let day = dayOf(from);
  for (let added = 0; added < n; ) {
    day = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    if (isWorkday(day, cal)) added += 1;
  }
  return day;
}
