import { describe, expect, it } from 'vitest';
import { detectStaleness } from '@/lib/scoring/detectors/staleness';
import { cloneEdition, NATIONAL_2019, type PostFact } from '@/lib/scoring';
import { ago, appHistory, AT, context, coverage, cst, DAY, history, insufficientCodes, post, ruleIds } from './fixture';

const V2_DAYS = NATIONAL_2019.veto.V2.windowDays;
const { D1 } = NATIONAL_2019;
const postsAt = (...daysAgo: number[]) => daysAgo.map((d, i) => post(`p${i}`, { publishedAt: ago(d) }));
/** Enough items in the month that only the rule under test can hit. */
const busyMonth = (fromDaysAgo: number) =>
  Array.from({ length: D1.minItems }, (_, i) => post(`m${i}`, { publishedAt: ago(fromDaysAgo + i * 0.1) }));

describe('V2 内容不更新 (no update in the window)', () => {
  it.each<[string, PostFact[], boolean]>([
    ['last item 15 days before (G7)', postsAt(15), true],
    [
      'last item exactly at the window start: outside (at − window, at]',
      [post('edge', { publishedAt: ago(V2_DAYS) })],
      true,
    ],
    ['last item 1 ms inside the window', [post('edge', { publishedAt: new Date(ago(V2_DAYS).getTime() + 1) })], false],
    ['an item a day before', postsAt(1, 20), false],
    [
      'a repost counts as an update',
      [post('rp', { publishedAt: ago(2), isRepost: true, repostOfText: '转发' }), ...postsAt(20)],
      false,
    ],
    // docs/platform-formats.md §1.3: a pinned item counts by its own date — it neither hides a fresh item nor freshens an old one.
    [
      'the only item of the window is pinned (published 5 days before)',
      [post('pin', { publishedAt: ago(5), isPinned: true }), ...postsAt(20)],
      false,
    ],
    [
      'a pinned item published 40 days before does not make the account fresh',
      [post('pin', { publishedAt: ago(40), isPinned: true }), ...postsAt(20)],
      true,
    ],
    [
      'an item after the monitoring date does not count',
      [post('future', { publishedAt: new Date(AT.getTime() + 3_600_000) }), ...postsAt(20)],
      true,
    ],
    ['no item ever', [], true],
  ])('%s', (_, posts, isHit) => {
    const r = detectStaleness(history({ posts }), context());
    expect(ruleIds(r).includes('V2.NO_UPDATE')).toBe(isHit);
    expect(insufficientCodes(r)).not.toContain('V2');
    if (isHit)
      expect(r.findings.find((f) => f.ruleId === 'V2.NO_UPDATE')).toMatchObject({
        status: 'CONFIRMED',
        isVeto: true,
        points: 0,
      });
  });

  it.each<[string, ReturnType<typeof coverage>, PostFact[], 'INSUFFICIENT' | 'CLEAR']>([
    ['crawler failed for the last 10 days (G8)', coverage(100, AT, (d) => d < 10), postsAt(15), 'INSUFFICIENT'],
    ['a single failed day inside the window', coverage(100, AT, (d) => d === V2_DAYS - 1), postsAt(15), 'INSUFFICIENT'],
    [
      'a day that was never crawled (missing) inside the window',
      new Map([...coverage()].filter(([day]) => day !== [...coverage().keys()][3])),
      postsAt(15),
      'INSUFFICIENT',
    ],
    ['never crawled since registration', new Map(), [], 'INSUFFICIENT'],
    ['an item seen inside a gap still counts', coverage(100, AT, (d) => d < 10), postsAt(3, 15), 'CLEAR'],
  ])('crawl gaps are never silence: %s', (_, cov, posts, expected) => {
    const r = detectStaleness(history({ posts, coverage: cov }), context());
    expect(ruleIds(r)).not.toContain('V2.NO_UPDATE');
    expect(insufficientCodes(r).includes('V2')).toBe(expected === 'INSUFFICIENT');
  });

  it('a crawl gap gives the reason with the number of days not crawled', () => {
    const r = detectStaleness(history({ posts: postsAt(15), coverage: coverage(100, AT, (d) => d < 10) }), context());
    expect(r.insufficient.find((i) => i.code === 'V2')).toEqual({
      code: 'V2',
      reason: 'DAYS_NOT_CRAWLED',
      details: { missingDays: 10, windowDays: V2_DAYS + 1 },
    });
  });

  it('G6: the day after a 30-item burst the account is not stale', () => {
    const burst = Array.from({ length: 30 }, (_, i) => post(`b${i}`, { publishedAt: ago(1 + i / 100) }));
    expect(ruleIds(detectStaleness(history({ posts: [...burst, ...postsAt(120)] }), context()))).not.toContain(
      'V2.NO_UPDATE',
    );
  });

  it('apps: V2 and D1 do not apply', () => {
    expect(detectStaleness(appHistory(), context())).toEqual({
      findings: [],
      insufficient: [],
      notApplicable: ['V2', 'D1'],
    });
  });

  it('follows the edition: a 10-day province edition hits an item 11 days old, national does not', () => {
    const tenDays = cloneEdition(NATIONAL_2019, { code: 'prov-10', veto: { V2: { windowDays: 10 } } });
    const h = history({ posts: postsAt(11) });
    expect(ruleIds(detectStaleness(h, context({ edition: tenDays })))).toContain('V2.NO_UPDATE');
    expect(ruleIds(detectStaleness(h, context()))).not.toContain('V2.NO_UPDATE');
    const off = cloneEdition(NATIONAL_2019, { code: 'v2-off', veto: { V2: { enabled: false } } });
    expect(ruleIds(detectStaleness(history({ posts: postsAt(20) }), context({ edition: off })))).not.toContain(
      'V2.NO_UPDATE',
    );
  });
});

describe('V2: read up to when (a crawl vouches for its day only up to the moment it ran)', () => {
  const v2 = (r: ReturnType<typeof detectStaleness>) => ({
    findings: r.findings.filter((f) => f.indicatorCode === 'V2').map((f) => f.status),
    reason: r.insufficient.find((i) => i.code === 'V2')?.reason ?? null,
  });
  /** Every day up to the day of `at` crawled, the last read at `readThrough`, and the items given. */
  const scored = (at: Date, readThrough: Date | null, posts: PostFact[]) =>
    detectStaleness(
      history({ posts, coverage: coverage(40, readThrough ?? at), readThrough }),
      context({ monitoringAt: at }),
    );

  // The case that prompted the rule: crawled at 09:00, the account posts at 15:00 (unseen), inspected at 20:00 the same
  // Beijing day, on which its last known item turns 14 days old (at 12:00).
  const at = cst('2026-11-25 20:00');
  const lastItem = [post('last', { publishedAt: cst('2026-11-11 12:00') })];

  it('crawl 09:00, limit crossed at 12:00, monitoring 20:00: no veto, insufficient with where the read ended', () => {
    const r = scored(at, cst('2026-11-25 09:00'), lastItem);
    expect(v2(r)).toEqual({ findings: [], reason: 'NOT_READ_THROUGH' });
    expect(r.insufficient.find((i) => i.code === 'V2')?.details).toEqual({
      readThrough: '2026-11-25T01:00:00.000Z',
      readThroughAt: '2026-11-25 09:00',
      unreadHours: 11,
    });
  });

  it('the same history read at 20:00 (or later) is a confirmed veto', () => {
    expect(v2(scored(at, at, lastItem))).toEqual({ findings: ['CONFIRMED'], reason: null });
    expect(v2(scored(at, cst('2026-11-26 00:10'), lastItem))).toEqual({ findings: ['CONFIRMED'], reason: null });
  });

  it('limit crossed before the 09:00 read: a suspected veto (at risk), with the read in its evidence', () => {
    const r = scored(at, cst('2026-11-25 09:00'), [post('last', { publishedAt: cst('2026-11-11 08:00') })]);
    expect(v2(r)).toEqual({ findings: ['SUSPECTED'], reason: null });
    expect(r.findings[0]).toMatchObject({ isVeto: true, evidence: { details: { readThroughAt: '2026-11-25 09:00' } } });
  });

  it('a suspected and a confirmed V2 of one monitoring date are one finding (a review carries over)', () => {
    const items = [post('last', { publishedAt: cst('2026-11-11 08:00') })];
    const suspected = scored(at, cst('2026-11-25 09:00'), items).findings[0];
    const confirmed = scored(at, at, items).findings[0];
    expect(suspected?.fingerprint).toBe(confirmed?.fingerprint);
  });

  it('every day crawled but the read instant unknown: insufficient, never a veto', () => {
    const r = scored(at, null, lastItem);
    expect(v2(r)).toEqual({ findings: [], reason: 'NOT_READ_THROUGH' });
    expect(r.insufficient.find((i) => i.code === 'V2')?.details).toEqual({
      readThrough: null,
      readThroughAt: null,
      unreadHours: null,
    });
  });

  it('an item seen before the last read still clears V2 whatever the read time', () => {
    expect(v2(scored(at, cst('2026-11-25 09:00'), [post('fresh', { publishedAt: cst('2026-11-20 10:00') })]))).toEqual({
      findings: [],
      reason: null,
    });
  });

  describe('around Beijing midnight (monitoring date typed as a day = its end, 23:59:59.999)', () => {
    const endOfDay = new Date(cst('2026-11-26 00:00').getTime() - 1);
    const silent = [post('old', { publishedAt: cst('2026-11-01 10:00') })];
    it.each<[string, Date, Date, ReturnType<typeof v2>]>([
      [
        'read 23:50, monitoring at the end of the day: 10 minutes unread',
        endOfDay,
        cst('2026-11-25 23:50'),
        { findings: ['SUSPECTED'], reason: null },
      ],
      [
        'read 00:10 the next day decides the day before',
        endOfDay,
        cst('2026-11-26 00:10'),
        { findings: ['CONFIRMED'], reason: null },
      ],
      [
        'monitoring 00:05, read 23:50: the new day is not crawled',
        cst('2026-11-26 00:05'),
        cst('2026-11-25 23:50'),
        { findings: [], reason: 'DAYS_NOT_CRAWLED' },
      ],
      [
        'monitoring 00:05, read 00:10',
        cst('2026-11-26 00:05'),
        cst('2026-11-26 00:10'),
        { findings: ['CONFIRMED'], reason: null },
      ],
      [
        'monitoring 00:05, read 00:03',
        cst('2026-11-26 00:05'),
        cst('2026-11-26 00:03'),
        { findings: ['SUSPECTED'], reason: null },
      ],
    ])('%s', (_, monitoringAt, readThrough, expected) => {
      expect(v2(scored(monitoringAt, readThrough, silent))).toEqual(expected);
    });

    it('an item at 23:55 read at 00:10 counts for the day', () => {
      const items = [...silent, post('late', { publishedAt: cst('2026-11-25 23:55') })];
      expect(v2(scored(endOfDay, cst('2026-11-26 00:10'), items))).toEqual({ findings: [], reason: null });
    });

    it('limit crossed at 23:55, read at 23:50: insufficient, not suspected', () => {
      const items = [post('last', { publishedAt: cst('2026-11-11 23:55') })];
      expect(v2(scored(endOfDay, cst('2026-11-25 23:50'), items))).toEqual({
        findings: [],
        reason: 'NOT_READ_THROUGH',
      });
    });
  });
});

describe('D1 更新不及时 (update frequency)', () => {
  it.each<[string, PostFact[], string[]]>([
    [
      'an item 6.9 days before and enough in the month',
      [post('w', { publishedAt: ago(D1.noItemDays - 0.1) }), ...busyMonth(8)],
      [],
    ],
    [
      'last item exactly noItemDays before',
      [post('w', { publishedAt: ago(D1.noItemDays) }), ...busyMonth(8)],
      ['D1.NO_ITEM_WEEK'],
    ],
    ['minItems items in the month', busyMonth(1), []],
    ['minItems − 1 items in the month', busyMonth(1).slice(1), ['D1.FEW_ITEMS']],
    [
      'an item exactly countWindowDays before is outside the month',
      [...busyMonth(1).slice(1), post('edge', { publishedAt: ago(D1.countWindowDays) })],
      ['D1.FEW_ITEMS'],
    ],
    [
      'a pinned item of the month counts by its own date',
      [...busyMonth(1).slice(1), post('pin', { publishedAt: ago(2), isPinned: true })],
      [],
    ],
    [
      'a pinned item from before the month does not count',
      [...busyMonth(1).slice(1), post('pin', { publishedAt: ago(45), isPinned: true })],
      ['D1.FEW_ITEMS'],
    ],
    ['nothing for 10 days and only 2 items in the month', postsAt(10, 12), ['D1.FEW_ITEMS', 'D1.NO_ITEM_WEEK']],
  ])('%s', (_, posts, expected) => {
    const r = detectStaleness(history({ posts }), context());
    expect(ruleIds(r).filter((id) => id.startsWith('D1'))).toEqual(expected);
    expect(insufficientCodes(r)).not.toContain('D1');
  });

  it('points are the edition values', () => {
    const r = detectStaleness(history({ posts: postsAt(10, 12) }), context());
    expect(r.findings.filter((f) => f.indicatorCode === 'D1').map((f) => [f.ruleId, f.points, f.status])).toEqual([
      ['D1.NO_ITEM_WEEK', D1.noItemPoints, 'CONFIRMED'],
      ['D1.FEW_ITEMS', D1.fewItemsPoints, 'CONFIRMED'],
    ]);
  });

  it.each([
    ['a gap in the last week with no item', coverage(100, AT, (d) => d < 3), postsAt(10, 11, 12, 13)],
    ['a gap earlier in the month with few items', coverage(100, AT, (d) => d === 20), postsAt(1, 2)],
  ])('a crawl gap gives INSUFFICIENT_DATA, not a deduction: %s', (_, cov, posts) => {
    const r = detectStaleness(history({ posts, coverage: cov }), context());
    expect(ruleIds(r).filter((id) => id.startsWith('D1'))).toEqual([]);
    expect(insufficientCodes(r)).toContain('D1');
  });

  it('an unread end of the window is not a deduction: insufficient with where the read ended', () => {
    const r = detectStaleness(history({ posts: postsAt(10, 12), readThrough: ago(0.25) }), context());
    expect(ruleIds(r).filter((id) => id.startsWith('D1'))).toEqual([]);
    expect(r.insufficient.find((i) => i.code === 'D1')).toMatchObject({
      reason: 'NOT_READ_THROUGH',
      details: { unreadHours: 6 },
    });
    // Enough items seen before the read: nothing to decide, nothing unknown.
    const busy = detectStaleness(
      history({ posts: [post('w', { publishedAt: ago(1) }), ...busyMonth(2)], readThrough: ago(0.25) }),
      context(),
    );
    expect(insufficientCodes(busy)).toEqual([]);
  });

  it('follows the edition: a province asking for 8 items a month deducts for 5', () => {
    const eight = cloneEdition(NATIONAL_2019, { code: 'prov-8', D1: { minItems: 8, fewItemsPoints: 4 } });
    const h = history({
      posts: Array.from({ length: 5 }, (_, i) =>
        post(`x${i}`, { publishedAt: new Date(AT.getTime() - (i + 1) * 2 * DAY) }),
      ),
    });
    expect(ruleIds(detectStaleness(h, context()))).toEqual([]);
    expect(detectStaleness(h, context({ edition: eight })).findings.map((f) => [f.ruleId, f.points])).toEqual([
      ['D1.FEW_ITEMS', 4],
    ]);
  });
});
