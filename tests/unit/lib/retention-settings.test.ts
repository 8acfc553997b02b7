import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COMMENT_RETENTION_MONTHS,
  DEFAULT_DELIVERY_RETENTION_DAYS,
  DEFAULT_SNAPSHOT_RETENTION_MONTHS,
  deliveryRetentionCutoff,
  retentionSettings,
} from '@/lib/services/apply-retention';

describe('retentionSettings', () => {
  it('uses the defaults when nothing is set', () => {
    expect(retentionSettings({})).toEqual({
      commentMonths: DEFAULT_COMMENT_RETENTION_MONTHS,
      snapshotMonths: DEFAULT_SNAPSHOT_RETENTION_MONTHS,
      deliveryDays: DEFAULT_DELIVERY_RETENTION_DAYS,
    });
    expect(DEFAULT_DELIVERY_RETENTION_DAYS).toBe(180);
  });

  it('reads DELIVERY_RETENTION_DAYS as a positive whole number of days', () => {
    expect(retentionSettings({ DELIVERY_RETENTION_DAYS: '30' }).deliveryDays).toBe(30);
    expect(retentionSettings({ DELIVERY_RETENTION_DAYS: ' 7 ' }).deliveryDays).toBe(7);
  });

  it('treats 0, off and anything not a positive whole number as the default: retention is never switched off', () => {
    for (const value of ['0', 'off', '', '-5', '1.5', 'abc', '1e400'])
      expect(retentionSettings({ DELIVERY_RETENTION_DAYS: value }).deliveryDays).toBe(DEFAULT_DELIVERY_RETENTION_DAYS);
  });
});

describe('deliveryRetentionCutoff', () => {
  it('is 00:00 Beijing of the day that many days before the Beijing day of now', () => {
    // 2027-07-10 10:00 Beijing
    expect(deliveryRetentionCutoff(new Date('2027-07-10T02:00:00Z'), 7).toISOString()).toBe('2027-07-02T16:00:00.000Z');
    expect(deliveryRetentionCutoff(new Date('2027-07-10T02:00:00Z'), 180).toISOString()).toBe(
      '2027-01-10T16:00:00.000Z',
    );
  });

  it('follows the Beijing day, not the UTC day, around Beijing midnight', () => {
    // 2027-07-10 23:59 and 2027-07-11 00:01 Beijing: both 2027-07-10 in UTC.
    expect(deliveryRetentionCutoff(new Date('2027-07-10T15:59:00Z'), 1).toISOString()).toBe('2027-07-08T16:00:00.000Z');
    expect(deliveryRetentionCutoff(new Date('2027-07-10T16:01:00Z'), 1).toISOString()).toBe('2027-07-09T16:00:00.000Z');
  });
});
