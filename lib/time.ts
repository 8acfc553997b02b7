// China has had no daylight-saving time since 1991, so Asia/Shanghai is a fixed UTC+8 offset.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

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
