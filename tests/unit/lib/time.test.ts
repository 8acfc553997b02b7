import { describe, expect, it } from 'vitest';
import {
  addWorkdays as addWorkingDays,
  daysFromTo,
  isWorkday as isWorkingDay,
  shanghaiDay,
  shanghaiDayStart,
  shanghaiDaysBetween,
  shanghaiWallClock,
  workdaysBetween,
} from '@/lib/time';

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
    expect(shanghaiDaysBetween(new Date('2026-11-24T20:00:00Z'), new Date('2026-11-26T01:00:00Z'))).toEqual([
      '2026-11-25',
      '2026-11-26',
    ]);
    expect(shanghaiDaysBetween(new Date('2026-11-26T00:00:00Z'), new Date('2026-11-25T00:00:00Z'))).toEqual([]);
  });

  it('lists one day for a range inside one Beijing day that crosses UTC midnight', () => {
    expect(shanghaiDaysBetween(new Date('2026-11-24T16:00:00Z'), new Date('2026-11-25T15:59:59.999Z'))).toEqual([
      '2026-11-25',
    ]);
  });

  it('counts whole days between day strings, negative when the second is earlier', () => {
    expect(daysFromTo('2026-11-20', '2026-11-25')).toBe(5);
    expect(daysFromTo('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysFromTo('2026-11-25', '2026-11-20')).toBe(-5);
  });

  it('reads the Beijing wall clock of an instant: 16:30 UTC is 00:30 of the next Beijing day, in the next quarter at year end', () => {
    const wall = shanghaiWallClock(new Date('2026-12-31T16:30:00Z'));
    expect([
      wall.getUTCFullYear(),
      wall.getUTCMonth() + 1,
      wall.getUTCDate(),
      wall.getUTCHours(),
      wall.getUTCMinutes(),
    ]).toEqual([2027, 1, 1, 0, 30]);
    expect(shanghaiWallClock(new Date('2026-12-31T15:59:00Z')).getUTCFullYear()).toBe(2026);
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

  it('starts counting from the Beijing day of the instant: Friday 16:30 UTC is already Saturday in Beijing', () => {
    expect(addWorkingDays(new Date('2026-11-20T16:30:00Z'), 1, calendar)).toBe('2026-11-23');
    expect(addWorkingDays(new Date('2026-11-19T16:30:00Z'), 1, calendar)).toBe('2026-11-23');
    expect(addWorkingDays(new Date('2026-11-19T15:30:00Z'), 1, calendar)).toBe('2026-11-20');
  });

  it('counts working days strictly after the first Beijing day, none for an inverted range', () => {
    // Mon 11-23 08:00 Beijing → Wed 11-25 10:00 Beijing: Tue and Wed.
    expect(workdaysBetween(new Date('2026-11-23T00:00:00Z'), new Date('2026-11-25T02:00:00Z'), calendar)).toBe(2);
    // Fri 23:30 Beijing → Mon 00:30 Beijing (16:30 UTC Sunday): Sat, Sun rest, Mon counts.
    expect(workdaysBetween(new Date('2026-11-20T15:30:00Z'), new Date('2026-11-22T16:30:00Z'), calendar)).toBe(1);
    expect(workdaysBetween(new Date('2026-11-25T02:00:00Z'), new Date('2026-11-23T00:00:00Z'), calendar)).toBe(0);
  });
});
