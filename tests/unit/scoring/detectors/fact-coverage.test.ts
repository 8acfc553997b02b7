import { describe, expect, it } from 'vitest';
import { detectAppHealth } from '@/lib/scoring/detectors/app-health';
import { detectReplies } from '@/lib/scoring/detectors/replies';
import { cloneEdition, NATIONAL_2019, readEdition, scoreAccount, type ListingLookup } from '@/lib/scoring';
import {
  ago,
  appHistory,
  appRelease,
  AT,
  context,
  coverage,
  factsByDay,
  history,
  HOUR,
  post,
  question,
  reply,
  ruleIds,
  snapshot,
} from './fixture';

// Unknown is not clean: a rule whose input the crawls did not read is INSUFFICIENT_DATA with the reason (docs/scoring.md).

const { D5, D7 } = NATIONAL_2019;
const postsOnly = (cov = coverage()) => factsByDay(cov, ['posts', 'profile']);
const asked = ago(4);

describe('D5 needs the comments of the window read', () => {
  it('a WeChat account read through an RSS route (posts only) is COMMENTS_NOT_READ, not CLEAR', () => {
    const h = history({ account: { ...history().account, platformCode: 'WECHAT' }, factsByDay: postsOnly() });
    expect(detectReplies(h, context()).insufficient).toEqual([
      {
        code: 'D5',
        reason: 'COMMENTS_NOT_READ',
        details: { missingDays: 0, commentsNotReadDays: D5.windowDays + 1, windowDays: D5.windowDays + 1 },
      },
    ]);
  });

  it('comments read on every day of the window and no question: CLEAR', () => {
    expect(detectReplies(history(), context()).insufficient).toEqual([]);
  });

  it('comments read, but days of the window not crawled: DAYS_NOT_CRAWLED with the count', () => {
    const cov = coverage(100, AT, (d) => d < 2);
    expect(detectReplies(history({ coverage: cov }), context()).insufficient).toEqual([
      {
        code: 'D5',
        reason: 'DAYS_NOT_CRAWLED',
        details: { missingDays: 2, commentsNotReadDays: 0, windowDays: D5.windowDays + 1 },
      },
    ]);
  });

  it('comments not read on some days only still leaves D5 unknown when too few questions were seen', () => {
    const cov = coverage();
    const facts = factsByDay(cov);
    for (const [day] of [...cov].slice(0, 5)) facts.set(day, new Set(['posts']));
    expect(detectReplies(history({ factsByDay: facts }), context()).insufficient).toMatchObject([
      { code: 'D5', reason: 'COMMENTS_NOT_READ', details: { commentsNotReadDays: 5 } },
    ]);
  });

  it('enough questions read are scored as before', () => {
    const qs = Array.from({ length: 5 }, (_, i) => question(`q${i}`, asked));
    const h = history({
      comments: [...qs, reply('r0', qs[0] ?? question('x', asked), ago(3.9))],
      factsByDay: postsOnly(),
    });
    expect(ruleIds(detectReplies(h, context()))).toEqual(['D5.LOW_REPLY_RATE']);
  });
});

describe('D7 下架/无法访问 (the store no longer lists the app)', () => {
  const lookups = (...entries: Array<[hoursAgo: number, found: boolean]>): ListingLookup[] =>
    entries.map(([h, found]) => ({ at: new Date(AT.getTime() - h * HOUR), found }));
  const listed = [appRelease('r', { observedAt: ago(10) })];

  it('one "not listed" answer is LISTING_NOT_FOUND_ONCE, never a silent pass', () => {
    const r = detectAppHealth(
      appHistory({ appReleases: listed, listingLookups: lookups([240, true], [2, false]) }),
      context(),
    );
    expect(ruleIds(r)).toEqual([]);
    expect(r.insufficient).toMatchObject([
      { code: 'D7', reason: 'LISTING_NOT_FOUND_ONCE', details: { lookups: 1, confirmHours: 24 } },
    ]);
  });

  it.each<[string, ListingLookup[], 'DELISTED' | 'ONCE' | 'LISTED']>([
    ['two answers 23 h apart', lookups([25, false], [2, false]), 'ONCE'],
    ['two answers exactly 24 h apart', lookups([26, false], [2, false]), 'DELISTED'],
    ['three answers over two days', lookups([50, false], [26, false], [2, false]), 'DELISTED'],
    ['found again in between: the count restarts', lookups([50, false], [30, true], [2, false]), 'ONCE'],
    ['found on the last lookup', lookups([50, false], [26, false], [2, true]), 'LISTED'],
    ['a lookup after the monitoring date is not known yet', lookups([2, false], [-30, false]), 'ONCE'],
  ])('%s', (_, listingLookups, expected) => {
    const r = detectAppHealth(appHistory({ appReleases: listed, listingLookups }), context());
    expect(ruleIds(r)).toEqual(expected === 'DELISTED' ? ['D7.DELISTED'] : []);
    expect(r.insufficient.map((i) => i.reason)).toEqual(expected === 'ONCE' ? ['LISTING_NOT_FOUND_ONCE'] : []);
  });

  it('the confirmed finding deducts the edition points, is CONFIRMED and keeps one identity while the app stays delisted', () => {
    const first = detectAppHealth(
      appHistory({ listingLookups: lookups([50, false], [26, false]) }),
      context(),
    ).findings;
    const later = detectAppHealth(
      appHistory({ listingLookups: lookups([50, false], [26, false], [2, false]) }),
      context(),
    ).findings;
    expect(first).toMatchObject([{ ruleId: 'D7.DELISTED', status: 'CONFIRMED', points: D7.delistedPoints }]);
    expect(later[0]?.fingerprint).toBe(first[0]?.fingerprint);
  });

  it('follows the edition: 48 h to confirm', () => {
    const slow = cloneEdition(NATIONAL_2019, { code: 'delist-48', D7: { delistedConfirmHours: 48 } });
    const h = appHistory({ appReleases: listed, listingLookups: lookups([30, false], [2, false]) });
    expect(ruleIds(detectAppHealth(h, context()))).toEqual(['D7.DELISTED']);
    expect(ruleIds(detectAppHealth(h, context({ edition: slow })))).toEqual([]);
  });

  it('an edition stored before the delisting fields is upgraded on read, with 24 h and 5 points', () => {
    const { delistedConfirmHours: _h, delistedPoints: _p, ...oldD7 } = NATIONAL_2019.D7;
    expect(readEdition({ ...NATIONAL_2019, D7: oldD7 }).D7).toMatchObject({
      delistedConfirmHours: 24,
      delistedPoints: 5,
    });
  });
});

describe('account result and scorecard reasons', () => {
  it('an app whose store answered "not listed" once: result INSUFFICIENT_DATA, D7 with LISTING_NOT_FOUND_ONCE', () => {
    const h = appHistory({
      appReleases: [appRelease('r', { observedAt: ago(10) })],
      snapshots: [snapshot('s', { hasFeedbackChannel: true })],
      listingLookups: [{ at: ago(0.1), found: false }],
    });
    const s = scoreAccount(h, context());
    expect(s.result).toBe('INSUFFICIENT_DATA');
    expect(s.breakdown.find((b) => b.code === 'D7')).toMatchObject({
      status: 'INSUFFICIENT_DATA',
      reason: 'LISTING_NOT_FOUND_ONCE',
    });
  });

  it('an app never read is not a PASS 100', () => {
    const s = scoreAccount(appHistory({ snapshots: [snapshot('s', { hasFeedbackChannel: true })] }), context());
    expect(s.result).toBe('INSUFFICIENT_DATA');
    expect(s.breakdown.find((b) => b.code === 'D7')).toMatchObject({
      status: 'INSUFFICIENT_DATA',
      reason: 'LISTING_NOT_READ',
    });
  });

  it('a confirmed delisting is a D7 deduction the result follows', () => {
    const h = appHistory({
      snapshots: [snapshot('s', { hasFeedbackChannel: true })],
      listingLookups: [
        { at: ago(2), found: false },
        { at: ago(0.5), found: false },
      ],
    });
    const s = scoreAccount(h, context());
    expect(s.breakdown.find((b) => b.code === 'D7')).toMatchObject({ status: 'HIT', deducted: D7.delistedPoints });
    expect(s.result).toBe('PASS');
    expect(s.total).toBe(100 - D7.delistedPoints);
  });

  it('comments not read: D5 INSUFFICIENT_DATA with its reason on the scorecard; the result follows the other rules', () => {
    const s = scoreAccount(history({ factsByDay: postsOnly(), snapshots: [snapshot('s')] }), context());
    expect(s.breakdown.find((b) => b.code === 'D5')).toMatchObject({
      status: 'INSUFFICIENT_DATA',
      deducted: 0,
      reason: 'COMMENTS_NOT_READ',
    });
    expect(s.result).toBe('PASS');
  });

  it("a pinned item published 5 days before is the window's update: no V2, while a pinned old one alone is V2 when covered", () => {
    const fresh = scoreAccount(
      history({ posts: [post('pin', { publishedAt: ago(5), isPinned: true })], snapshots: [snapshot('s')] }),
      context(),
    );
    expect(fresh.vetoCodes).not.toContain('V2');
    expect(fresh.breakdown.find((b) => b.code === 'V2')?.status).toBe('CLEAR');
    const stale = scoreAccount(
      history({ posts: [post('pin', { publishedAt: ago(40), isPinned: true })], snapshots: [snapshot('s')] }),
      context(),
    );
    expect(stale.vetoCodes).toContain('V2');
    expect(stale.result).toBe('FAIL_VETO');
  });
});
