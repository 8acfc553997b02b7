import { describe, expect, it } from 'vitest';
import { AlertKind } from '@/lib/db/generated/enums';
import { ALERT_KINDS, alertDetailsSchema, alertFilterSchema, alertSearchParams } from '@/lib/schemas/alert';

describe('alert schemas', () => {
  it('ALERT_KINDS mirrors the Prisma enum', () => {
    expect([...ALERT_KINDS].sort()).toEqual(Object.values(AlertKind).sort());
  });

  it('filters fall back to their defaults and round-trip through the URL', () => {
    expect(alertFilterSchema.parse({ kind: 'NOPE', acknowledged: 'yes', page: '-3' })).toEqual({
      kind: 'ALL',
      acknowledged: false,
      page: 1,
    });
    const filter = alertFilterSchema.parse({ kind: 'STALE', acknowledged: '1', page: '2' });
    expect(filter).toEqual({ kind: 'STALE', acknowledged: true, page: 2 });
    expect(alertFilterSchema.parse(Object.fromEntries(new URLSearchParams(alertSearchParams(filter))))).toEqual(filter);
    expect(alertSearchParams({ kind: 'ALL', acknowledged: false, page: 1 })).toBe('');
  });

  it('details are read per kind', () => {
    expect(
      alertDetailsSchema.safeParse({ kind: 'VETO_SUSPECTED', inspectionId: 'i', inspectionName: 'n', codes: ['V2'] })
        .success,
    ).toBe(true);
    expect(alertDetailsSchema.safeParse({ kind: 'RECTIFICATION_OVERDUE', rectifications: [] }).success).toBe(false);
  });
});
