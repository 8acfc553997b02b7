import { describe, expect, it } from 'vitest';
import { detectStaleness } from '@/lib/scoring/detectors/staleness';
import { cloneEdition, NATIONAL_2019, type PostFact } from '@/lib/scoring';
import { ago, appHistory, AT, context, coverage, DAY, history, post, ruleIds } from './fixture';

const V2_DAYS = NATIONAL_2019.veto.V2.windowDays;
const { D1 } = NATIONAL_2019;
const postsAt = (...daysAgo: number[]) => daysAgo.map((d, i) => post(`p${i}`, { publishedAt: ago(d) }));
/** Enough items in the month that only the rule under test can hit. */
const busyMonth = (fromDaysAgo: number) => Array.from({ length: D1.minItems }, (_, i) => post(`m${i}`, { publishedAt: ago(fromDaysAgo + i * 0.1) }));

describe('V2 内容不更新 (no update in the window)', () => {
  it.each<[string, PostFact[], boolean]>([
    ['last item 15 days before (G7)', postsAt(15), true],
    ['last item exactly at the window start: outside (at − window, at]', [post('edge', { publishedAt: ago(V2_DAYS) })], true],
    ['last item 1 ms inside the window', [post('edge', { publishedAt: new Date(ago(V2_DAYS).getTime() + 1) })], false],
    ['an item a day before', postsAt(1, 20), false],
    ['a repost counts as an update', [post('rp', { publishedAt: ago(2), isRepost: true, repostOfText: '转发' }), ...postsAt(20)], false],
    ['a pinned item does not count', [post('pin', { publishedAt: ago(1), isPinned: true }), ...postsAt(20)], true],
    ['an item after the monitoring date does not count', [post('future', { publishedAt: new Date(AT.getTime() + 3_600_000) }), ...postsAt(20)], true],
    ['no item ever', [], true],
  ])('%s', (_, posts, isHit) => {
    const r = detectStaleness(history({ posts }), context());
    expect(ruleIds(r).includes('V2.NO_UPDATE')).toBe(isHit);
    expect(r.insufficient).not.toContain('V2');
    if (isHit) expect(r.findings.find((f) => f.ruleId === 'V2.NO_UPDATE')).toMatchObject({ status: 'CONFIRMED', isVeto: true, points: 0 });
  });

  it.each<[string, ReturnType<typeof coverage>, PostFact[], 'INSUFFICIENT' | 'CLEAR']>([
    ['crawler failed for the last 10 days (G8)', coverage(100, AT, (d) => d < 10), postsAt(15), 'INSUFFICIENT'],
    ['a single failed day inside the window', coverage(100, AT, (d) => d === V2_DAYS - 1), postsAt(15), 'INSUFFICIENT'],
    ['a day that was never crawled (missing) inside the window', new Map([...coverage()].filter(([day]) => day !== [...coverage().keys()][3])), postsAt(15), 'INSUFFICIENT'],
    ['never crawled since registration', new Map(), [], 'INSUFFICIENT'],
    ['an item seen inside a gap still counts', coverage(100, AT, (d) => d < 10), postsAt(3, 15), 'CLEAR'],
  ])('crawl gaps are never silence: %s', (_, cov, posts, expected) => {
    const r = detectStaleness(history({ posts, coverage: cov }), context());
    expect(ruleIds(r)).not.toContain('V2.NO_UPDATE');
    expect(r.insufficient.includes('V2')).toBe(expected === 'INSUFFICIENT');
  });

  it('G6: the day after a 30-item burst the account is not stale', () => {
    const burst = Array.from({ length: 30 }, (_, i) => post(`b${i}`, { publishedAt: ago(1 + i / 100) }));
    expect(ruleIds(detectStaleness(history({ posts: [...burst, ...postsAt(120)] }), context()))).not.toContain('V2.NO_UPDATE');
  });

  it('apps: V2 and D1 do not apply', () => {
    expect(detectStaleness(appHistory(), context())).toEqual({ findings: [], insufficient: [], notApplicable: ['V2', 'D1'] });
  });

  it('follows the edition: a 10-day province edition hits an item 11 days old, national does not', () => {
    const tenDays = cloneEdition(NATIONAL_2019, { code: 'prov-10', veto: { V2: { windowDays: 10 } } });
    const h = history({ posts: postsAt(11) });
    expect(ruleIds(detectStaleness(h, context({ edition: tenDays })))).toContain('V2.NO_UPDATE');
    expect(ruleIds(detectStaleness(h, context()))).not.toContain('V2.NO_UPDATE');
    const off = cloneEdition(NATIONAL_2019, { code: 'v2-off', veto: { V2: { enabled: false } } });
    expect(ruleIds(detectStaleness(history({ posts: postsAt(20) }), context({ edition: off })))).not.toContain('V2.NO_UPDATE');
  });
});

describe('D1 更新不及时 (update frequency)', () => {
  it.each<[string, PostFact[], string[]]>([
    ['an item 6.9 days before and enough in the month', [post('w', { publishedAt: ago(D1.noItemDays - 0.1) }), ...busyMonth(8)], []],
    ['last item exactly noItemDays before', [post('w', { publishedAt: ago(D1.noItemDays) }), ...busyMonth(8)], ['D1.NO_ITEM_WEEK']],
    ['minItems items in the month', busyMonth(1), []],
    ['minItems − 1 items in the month', busyMonth(1).slice(1), ['D1.FEW_ITEMS']],
    ['an item exactly countWindowDays before is outside the month', [...busyMonth(1).slice(1), post('edge', { publishedAt: ago(D1.countWindowDays) })], ['D1.FEW_ITEMS']],
    ['pinned items are not counted', [...busyMonth(1).slice(1), post('pin', { publishedAt: ago(2), isPinned: true })], ['D1.FEW_ITEMS']],
    ['nothing for 10 days and only 2 items in the month', postsAt(10, 12), ['D1.FEW_ITEMS', 'D1.NO_ITEM_WEEK']],
  ])('%s', (_, posts, expected) => {
    const r = detectStaleness(history({ posts }), context());
    expect(ruleIds(r).filter((id) => id.startsWith('D1'))).toEqual(expected);
    expect(r.insufficient).not.toContain('D1');
  });

  it('points are the edition values', () => {
    const r = detectStaleness(history({ posts: postsAt(10, 12) }), context());
    expect(r.findings.filter((f) => f.indicatorCode === 'D1').map((f) => [f.ruleId, f.points, f.status])).toEqual([
      ['D1.NO_ITEM_WEEK', D1.noItemPoints, 'CONFIRMED'], ['D1.FEW_ITEMS', D1.fewItemsPoints, 'CONFIRMED'],
    ]);
  });

  it.each([
    ['a gap in the last week with no item', coverage(100, AT, (d) => d < 3), postsAt(10, 11, 12, 13)],
    ['a gap earlier in the month with few items', coverage(100, AT, (d) => d === 20), postsAt(1, 2)],
  ])('a crawl gap gives INSUFFICIENT_DATA, not a deduction: %s', (_, cov, posts) => {
    const r = detectStaleness(history({ posts, coverage: cov }), context());
    expect(ruleIds(r).filter((id) => id.startsWith('D1'))).toEqual([]);
    expect(r.insufficient).toContain('D1');
  });

  it('follows the edition: a province asking for 8 items a month deducts for 5', () => {
    const eight = cloneEdition(NATIONAL_2019, { code: 'prov-8', D1: { minItems: 8, fewItemsPoints: 4 } });
    const h = history({ posts: Array.from({ length: 5 }, (_, i) => post(`x${i}`, { publishedAt: new Date(AT.getTime() - (i + 1) * 2 * DAY) })) });
    expect(ruleIds(detectStaleness(h, context()))).toEqual([]);
    expect(detectStaleness(h, context({ edition: eight })).findings.map((f) => [f.ruleId, f.points])).toEqual([['D1.FEW_ITEMS', 4]]);
  });
});
