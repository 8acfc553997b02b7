import { describe, expect, it } from 'vitest';
import { accountLifecycleInputSchema } from '@/lib/schemas/account-lifecycle';
import { awardBonusInputSchema } from '@/lib/schemas/bonus-award';
import { createCredentialInputSchema } from '@/lib/schemas/credential';
import { beijingDaySchema, beijingInstantSchema, parseMonitoringAt } from '@/lib/schemas/day';
import { createInspectionInputSchema } from '@/lib/schemas/inspection';
import { createRepostTaskInputSchema } from '@/lib/schemas/repost-task';
import {
  addBeijingDays,
  beijingDayEnd,
  beijingDayStart,
  beijingToday,
  parseBeijingDateTime,
  parseBeijingDay,
} from '@/lib/time';

const ID = '7d4c2a56-5f0e-4d8c-9a3c-1f2e3d4c5b6a';
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
// The hours around Beijing midnight (16:00 UTC): the last minute of a Beijing day, its first minutes, its night.
const AROUND_MIDNIGHT = [
  ['2026-12-03T15:59:00Z', '2026-12-03'],
  ['2026-12-03T16:00:00Z', '2026-12-04'],
  ['2026-12-03T16:30:00Z', '2026-12-04'],
  ['2026-12-03T23:59:00Z', '2026-12-04'],
] as const;

describe('parseBeijingDay', () => {
  it('reads YYYY-MM-DD as the Beijing day: 00:00 to 23:59:59.999 at UTC+8', () => {
    expect(parseBeijingDay(' 2026-12-04 ')).toEqual({
      day: '2026-12-04',
      start: new Date('2026-12-03T16:00:00.000Z'),
      end: new Date('2026-12-04T15:59:59.999Z'),
    });
    expect(iso(beijingDayStart('2027-01-01'))).toBe('2026-12-31T16:00:00.000Z');
    expect(iso(beijingDayEnd('2026-12-31'))).toBe('2026-12-31T15:59:59.999Z');
    expect(addBeijingDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addBeijingDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it.each(['2026-02-30', '2026-13-01', '2026-1-5', '2026/12/04', '2026-12-04T00:00', '', 'today'])(
    'refuses %j',
    (input) => {
      expect(parseBeijingDay(input)).toBeNull();
      expect(beijingDaySchema.safeParse(input).success).toBe(false);
    },
  );

  it.each(AROUND_MIDNIGHT)('at %s the Beijing today is %s', (now, day) => {
    expect(beijingToday(new Date(now))).toBe(day);
  });
});

describe('parseBeijingDateTime', () => {
  it('reads a datetime-local value as Beijing wall-clock time, and an ISO instant as itself', () => {
    expect(iso(parseBeijingDateTime('2026-12-04T00:30'))).toBe('2026-12-03T16:30:00.000Z');
    expect(iso(parseBeijingDateTime('2026-12-04 23:59:59'))).toBe('2026-12-04T15:59:59.000Z');
    expect(iso(parseBeijingDateTime('2026-12-04T08:00:00.5'))).toBe('2026-12-04T00:00:00.500Z');
    expect(iso(parseBeijingDateTime('2026-12-04T00:30:00Z'))).toBe('2026-12-04T00:30:00.000Z');
    expect(iso(parseBeijingDateTime('2026-12-04T00:30:00+08:00'))).toBe('2026-12-03T16:30:00.000Z');
  });

  it.each(['2026-12-04', '2026-12-04T24:00', '2026-02-30T10:00', 'Dec 4 2026', '1733300000000'])(
    'refuses %j',
    (input) => {
      expect(parseBeijingDateTime(input)).toBeNull();
    },
  );
});

describe('beijingInstantSchema', () => {
  it('reads a bare day as the start or the end of the Beijing day; passes dates and instants through', () => {
    expect(iso(beijingInstantSchema('start').parse('2026-12-04'))).toBe('2026-12-03T16:00:00.000Z');
    expect(iso(beijingInstantSchema('end').parse('2026-12-04'))).toBe('2026-12-04T15:59:59.999Z');
    expect(iso(beijingInstantSchema('end').parse(new Date('2026-12-04T01:00:00Z')))).toBe('2026-12-04T01:00:00.000Z');
    expect(beijingInstantSchema('start').safeParse(new Date(Number.NaN)).success).toBe(false);
    expect(beijingInstantSchema('start').safeParse('2026-12-4').error?.issues[0]?.message).toBe('validation.dateTime');
  });
});

describe('date inputs of each form are Beijing days', () => {
  it('a lifecycle effective date starts at 00:00 Beijing', () => {
    const input = accountLifecycleInputSchema.parse({
      event: 'REOPEN',
      accountId: ID,
      filingNumber: 'F',
      effectiveAt: '2026-12-04',
    });
    expect(iso(input.effectiveAt)).toBe('2026-12-03T16:00:00.000Z');
  });

  it('a bonus award day stays the day typed', () => {
    expect(
      awardBonusInputSchema.parse({ accountId: ID, itemCode: 'B1', reason: '解读到位', awardedOn: '2026-12-04' })
        .awardedOn,
    ).toBe('2026-12-04');
    expect(
      awardBonusInputSchema.safeParse({ accountId: ID, itemCode: 'B1', reason: '解读到位', awardedOn: '2026-02-30' })
        .success,
    ).toBe(false);
  });

  it('a monitoring date typed as a day is monitored as of its end; a datetime-local value is Beijing time', () => {
    const base = { name: '检查', scopeAgencyId: ID, scope: 'TREE' };
    expect(iso(createInspectionInputSchema.parse({ ...base, monitoringAt: '2026-12-04' }).monitoringAt)).toBe(
      '2026-12-04T15:59:59.999Z',
    );
    expect(iso(createInspectionInputSchema.parse({ ...base, monitoringAt: '2026-12-04T09:00' }).monitoringAt)).toBe(
      '2026-12-04T01:00:00.000Z',
    );
  });

  it('a repost deadline day runs to its end; publication from the start of its day', () => {
    const base = { title: '转载任务', matchTerms: ['森林防火'], agencyId: ID, platformCodes: ['WEIBO'] };
    const task = createRepostTaskInputSchema.parse({ ...base, publishedAt: '2026-12-04', deadline: '2026-12-04' });
    expect([iso(task.publishedAt), iso(task.deadline)]).toEqual([
      '2026-12-03T16:00:00.000Z',
      '2026-12-04T15:59:59.999Z',
    ]);
    expect(
      iso(
        createRepostTaskInputSchema.parse({ ...base, publishedAt: '2026-12-04T00:30', deadline: '2026-12-05T18:00' })
          .publishedAt,
      ),
    ).toBe('2026-12-03T16:30:00.000Z');
  });

  it('a credential expiry day is valid through its end; blank is no expiry', () => {
    const payload = { kind: 'WEIBO_COOKIE', cookie: 'SUB=x' };
    expect(iso(createCredentialInputSchema.parse({ label: '凭据', expiresAt: '2026-12-04', payload }).expiresAt)).toBe(
      '2026-12-04T15:59:59.999Z',
    );
    expect(createCredentialInputSchema.parse({ label: '凭据', expiresAt: '', payload }).expiresAt).toBeNull();
    expect(createCredentialInputSchema.parse({ label: '凭据', payload }).expiresAt).toBeNull();
  });
});

describe('parseMonitoringAt (score --at)', () => {
  it.each(AROUND_MIDNIGHT)(
    'at %s: a past day is monitored as of its end, today as of now, tomorrow is refused',
    (nowIso, today) => {
      const now = new Date(nowIso);
      const yesterday = addBeijingDays(today, -1);
      expect(iso(parseMonitoringAt(yesterday, now))).toBe(iso(beijingDayEnd(yesterday)));
      expect(iso(parseMonitoringAt(today, now))).toBe(nowIso.replace('Z', '.000Z'));
      expect(parseMonitoringAt(addBeijingDays(today, 1), now)).toBeNull();
      expect(iso(parseMonitoringAt('2026-03-31T23:59:59+08:00', now))).toBe('2026-03-31T15:59:59.000Z');
      expect(parseMonitoringAt(undefined, now)).toBeNull();
    },
  );
});
