import { shanghaiDay } from './time';

export type WorkCalendar = { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> };

const DAY_MS = 86_400_000;

/** Mon–Fri unless a public holiday, plus adjusted working weekends (调休). Days are Shanghai YYYY-MM-DD. */
export function isWorkingDay(day: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The Shanghai day `n` working days after the day of `from`. */
export function addWorkingDays(from: Date, n: number, calendar: WorkCalendar): string {
  let day = shanghaiDay(from);
  let added = 0;
  while (added < n) {
    day = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    if (isWorkingDay(day, calendar)) added += 1;
  }
  return day;
}
