import { describe, expect, it } from 'vitest';
import { shanghaiDay, shanghaiDayStart, shanghaiDaysBetween } from '@/lib/time';
import { addWorkdays as addWorkingDays, isWorkday as isWorkingDay } from '@/lib/scoring/time';

describe('Shanghai calendar days', () => {
  it.each([
    ['2026-11-24T15:59:59.999Z', '2026-11-24'],
    ['2026-11-24T16:00:00.000Z', '2026-11-25'],
    ['2026-12-31T16:30:00.000Z', '2027-01-01'],
  ])('%s is %s in Asia/Shanghai', (instant, day) => {
    expect(shanghaiDay(new Date(instant))).toBe(day);
  });

  it('starts a day at 16:00 UTC of the previous date', () => {
    expect(shanghaiDayStart('2026-11-25').toISOString()).toBe('2026-11-24T16:00:00.000Z');
  });

  it('lists days inclusively and nothing for an inverted range', () => {
    expect(shanghaiDaysBetween(new Date('2026-11-24T20:00:00Z'), new Date('2026-11-26T01:00:00Z'))).toEqual(['2026-11-25', '2026-11-26']);
    expect(shanghaiDaysBetween(new Date('2026-11-26T00:00:00Z'), new Date('2026-11-25T00:00:00Z'))).toEqual([]);
  });
});

describe('working days', () => {
  const calendar = { holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05']), workdays: new Set(['2026-10-10']) };

  it('treats weekends as rest, holidays as rest and adjusted weekends as work', () => {
    expect(isWorkingDay('2026-11-23', calendar)).toBe(true); // Monday
    expect(isWorkingDay('2026-11-22', calendar)).toBe(false); // Sunday
    expect(isWorkingDay('2026-10-01', calendar)).toBe(false);
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true); // Saturday made a working day
  });

  it('skips holidays when adding working days', () => {
    // Wed 2026-09-30 + 2 working days: Oct 1, 2 holidays, Oct 3/4 weekend, Oct 5 holiday -> Oct 6, Oct 7.
    expect(addWorkingDays(new Date('2026-09-30T02:00:00Z'), 2, calendar)).toBe('2026-10-07');
    expect(addWorkingDays(new Date('2026-11-20T02:00:00Z'), 1, calendar)).toBe('2026-11-23');
  });
});
