import { describe, expect, it } from 'vitest';
import { pickSettleable } from '@/lib/services/settle-inspections';
import { beijingDayEndInput, lastCompleteBeijingDay, parseBeijingDateTime } from '@/lib/time';

const AT = new Date('2026-11-25T15:59:59.999Z'); // end of 2026-11-25, Beijing
const row = (
  inspectionId: string,
  accountId: string,
  readThrough: Date | null,
  scoredReadThrough: Date | null = new Date('2026-11-25T01:00:00Z'),
) => ({ inspectionId, accountId, monitoringAt: AT, readThrough, scoredReadThrough });
const after = new Date('2026-11-25T16:10:00Z');

describe('pickSettleable', () => {
  it('picks accounts read at or after the monitoring date, grouped by inspection in order', () => {
    expect(
      pickSettleable([row('i1', 'a', after), row('i1', 'b', AT), row('i2', 'c', after), row('i1', 'd', after)], 10),
    ).toEqual([
      { inspectionId: 'i1', accountIds: ['a', 'b', 'd'] },
      { inspectionId: 'i2', accountIds: ['c'] },
    ]);
  });

  it('skips accounts not read through the monitoring date, or never read', () => {
    expect(pickSettleable([row('i1', 'a', new Date(AT.getTime() - 1)), row('i1', 'b', null)], 10)).toEqual([]);
  });

  it('skips a score already computed with this read (nothing new to decide it)', () => {
    expect(pickSettleable([row('i1', 'a', after, after)], 10)).toEqual([]);
    expect(pickSettleable([row('i1', 'a', after, null)], 10)).toEqual([{ inspectionId: 'i1', accountIds: ['a'] }]);
  });

  it('stops at maxAccounts', () => {
    expect(pickSettleable([row('i1', 'a', after), row('i2', 'b', after), row('i2', 'c', after)], 2)).toEqual([
      { inspectionId: 'i1', accountIds: ['a'] },
      { inspectionId: 'i2', accountIds: ['b'] },
    ]);
  });
});

describe('the default monitoring date (last complete Beijing day)', () => {
  it('is yesterday in Beijing, also just after Beijing midnight (still the day before in UTC)', () => {
    expect(lastCompleteBeijingDay(new Date('2026-12-04T14:00:00Z'))).toBe('2026-12-03'); // 22:00 Beijing
    expect(lastCompleteBeijingDay(new Date('2026-12-04T16:05:00Z'))).toBe('2026-12-04'); // 00:05 on the 5th
  });

  it("the form's value reads back as that day's last second, Beijing time", () => {
    expect(parseBeijingDateTime(beijingDayEndInput('2026-12-03'))?.toISOString()).toBe('2026-12-03T15:59:59.000Z');
  });
});

describe('the worker schedule', () => {
  it('settles every 10 minutes and the daily inspection monitors the end of yesterday (Beijing)', async () => {
    const { dailyInspectionMonitoringAt, scheduleTable } = await import('@/crawlers/schedule');
    const settle = scheduleTable({ NODE_ENV: 'test', WORKER_CRAWL: 'off' }).find(
      (e) => e.name === 'settle-inspections',
    );
    expect(settle?.expression).toBe('*/10 * * * *');
    // 03:00 Beijing on 12-05 → 23:59:59.999 Beijing on 12-04.
    expect(dailyInspectionMonitoringAt(new Date('2026-12-04T19:00:00Z')).toISOString()).toBe(
      '2026-12-04T15:59:59.999Z',
    );
  });
});
