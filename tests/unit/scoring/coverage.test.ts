import { describe, expect, it } from 'vitest';
import { scoreAccount } from '@/lib/scoring';
import { daysReadIn } from '@/lib/scoring/coverage';
import { context, coverage, cst, DAY, history } from './detectors/fixture';

// The coverage figure of a score (coverage.coveredDays): a day read only partly is not a covered day
// (docs/scoring.md "Read up to when").
describe('coverage.coveredDays: days read in full', () => {
  const endOfDay = new Date(cst('2026-11-26 00:00').getTime() - 1);
  const windowDays = 15; // V2's 14 days reach back into a 15th Beijing day
  /** Every day up to the day of the read crawled, the last read at `readThrough`. */
  const covered = (at: Date, readThrough: Date | null, cov = coverage(40, readThrough ?? at)) =>
    scoreAccount(history({ coverage: cov, readThrough }), context({ monitoringAt: at })).coverage;

  it.each<[string, Date, Date | null, number]>([
    [
      'read 23:50, monitoring at the end of the day: the last day is read only partly',
      endOfDay,
      cst('2026-11-25 23:50'),
      14,
    ],
    ['read 00:10 the next day: every day read', endOfDay, cst('2026-11-26 00:10'), 15],
    ['read exactly at the end of the day', endOfDay, endOfDay, 15],
    ['crawled 09:00, monitoring 20:00 the same day', cst('2026-11-25 20:00'), cst('2026-11-25 09:00'), 14],
    [
      'monitoring 12:00, read 13:00 the same day: read up to the monitoring date',
      cst('2026-11-25 12:00'),
      cst('2026-11-25 13:00'),
      15,
    ],
    ['monitoring 12:00, read exactly at 12:00', cst('2026-11-25 12:00'), cst('2026-11-25 12:00'), 15],
    ['every day crawled, the read instant unknown: the latest day is not counted', endOfDay, null, 14],
  ])('%s', (_, at, readThrough, coveredDays) => {
    expect(covered(at, readThrough)).toEqual({ windowDays, coveredDays });
  });

  it('monitoring 00:05, read 23:50 the day before: neither the new day (not crawled) nor the day before counts', () => {
    const at = cst('2026-11-26 00:05');
    expect(covered(at, cst('2026-11-25 23:50'))).toEqual({ windowDays, coveredDays: 13 });
    const h = (read: Date) => history({ coverage: coverage(40, cst('2026-11-25 23:50')), readThrough: read });
    const lastTwoDays = new Date(at.getTime() - DAY);
    expect(daysReadIn(h(cst('2026-11-25 23:50')), lastTwoDays, at)).toEqual([]);
    // Read through the end of 11-25 (a crawl at 00:00:00 that covered 11-25 only): that day is read in full.
    expect(daysReadIn(h(cst('2026-11-26 00:00')), lastTwoDays, at)).toEqual(['2026-11-25']);
  });

  it('a later covered day (after the monitoring date) means the days up to it were read in full', () => {
    const read = cst('2026-11-27 09:00');
    expect(covered(endOfDay, read, coverage(40, read))).toEqual({ windowDays, coveredDays: 15 });
  });

  it('a failed day stays uncovered whatever the read', () => {
    const read = cst('2026-11-26 00:10');
    const gap = coverage(40, read, (daysAgo) => daysAgo === 3);
    expect(covered(endOfDay, read, gap)).toEqual({ windowDays, coveredDays: 14 });
  });
});
