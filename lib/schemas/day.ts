import { z } from 'zod';
import { parseBeijingDateTime, parseBeijingDay } from '@/lib/time';

// Every date a person types is read in Asia/Shanghai (docs/dates.md). Messages are i18n keys (validation.*).

/** A Beijing calendar day typed as YYYY-MM-DD; the output is the validated day string. */
export const beijingDaySchema = z
  .string({ error: 'validation.day' })
  .trim()
  .refine((v) => parseBeijingDay(v) !== null, { error: 'validation.day' });

/**
 * An instant typed or sent as: a Date; an ISO instant with Z or an offset; Beijing wall-clock time
 * (datetime-local, no offset); or a Beijing day, read as the first (`start`) or last (`end`) instant of that day.
 */
export const beijingInstantSchema = (dayAs: 'start' | 'end') =>
  z.union([z.date(), z.string()], { error: 'validation.dateTime' }).transform((value, ctx) => {
    if (value instanceof Date) {
      if (!Number.isNaN(value.getTime())) return value;
    } else {
      const day = parseBeijingDay(value);
      const instant = day ? (dayAs === 'start' ? day.start : day.end) : parseBeijingDateTime(value);
      if (instant) return instant;
    }
    ctx.addIssue({ code: 'custom', message: 'validation.dateTime' });
    return z.NEVER;
  });

/**
 * A monitoring date given on the command line (`score --at`): a bare day is monitored as of its end, except
 * today's, which is monitored as of `now` (the rest of the day has not happened); a later instant is refused.
 */
export function parseMonitoringAt(input: string | undefined, now: Date): Date | null {
  const parsed = beijingInstantSchema('end').safeParse(input ?? '');
  if (!parsed.success) return null;
  if (parsed.data <= now) return parsed.data;
  const day = parseBeijingDay(input ?? '');
  return day && day.start <= now ? now : null;
}
