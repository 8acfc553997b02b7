import { addBeijingDays, shanghaiDay, shanghaiDaysBetween } from './shanghai';

/** Official holidays and adjusted working weekends (调休) as Shanghai day strings. */
export type WorkCalendar = { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> };

export function isWorkday(day: string, cal: WorkCalendar): boolean {
  if (cal.workdays.has(day)) return true;
  if (cal.holidays.has(day)) return false;
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6;
}

/** Working days elapsed between two instants: whole working days strictly after the first day, plus same-day fraction 0. */
export function workdaysBetween(from: Date, to: Date, cal: WorkCalendar): number {
  if (to <= from) return 0;
  return shanghaiDaysBetween(from, to)
    .slice(1)
    .filter((d) => isWorkday(d, cal)).length;
}

/** The Shanghai day `n` working days after the day of `from` (rectification deadlines). */
export function addWorkdays(from: Date, n: number, cal: WorkCalendar): string {
  let day = shanghaiDay(from);
  for (let added = 0; added < n;) {
    day = addBeijingDays(day, 1);
    if (isWorkday(day, cal)) added += 1;
  }
  return day;
}
