import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CALENDAR,
  cloneEdition,
  compileLexicons,
  withBonusItems,
  NATIONAL_2019,
  scoreAccount,
  STARTER_LEXICONS,
  type AccountHistory,
  type PostFact,
  type ScoringContext,
} from '@/lib/scoring';

const AT = new Date('2026-11-25T04:00:00Z');
const DAY = 86_400_000;
const { matcher, prohibitedDomains } = compileLexicons(STARTER_LEXICONS);

const days = (n: number) =>
  Array.from({ length: n + 1 }, (_, i) => new Date(AT.getTime() - i * DAY + 8 * 3_600_000).toISOString().slice(0, 10));
const post = (
  id: string,
  daysAgo: number,
  text = '【通知】政务服务大厅正常办公。',
  extra: Partial<PostFact> = {},
): PostFact => ({
  id,
  platformId: id,
  url: null,
  title: null,
  text,
  publishedAt: new Date(AT.getTime() - daysAgo * DAY),
  isPinned: false,
  isRepost: false,
  repostOfText: null,
  links: [],
  commentsEnabled: true,
  deletedAt: null,
  likes: null,
  reposts: null,
  comments: null,
  ...extra,
});

function history(posts: PostFact[], over: Partial<AccountHistory> = {}): AccountHistory {
  return {
    account: {
      id: 'a1',
      platformCode: 'WEIBO',
      displayName: '江川发布',
      isApp: false,
      filingStatus: 'FILED',
      namingRule: null,
      isFirstOfAgencyPlatform: true,
    },
    posts,
    comments: [],
    snapshots: [],
    appReleases: [],
    storeListings: [],
    linkChecks: [],
    filedChanges: [],
    repostTasks: [],
    coverage: new Map(days(95).map((d) => [d, 'COVERED' as const])),
    factsByDay: new Map(days(95).map((d) => [d, new Set(['posts', 'comments', 'profile'] as const)])),
    readThrough: AT,
    listingLookups: [],
    nearDuplicateShare: 0,
    bonusAwards: [],
    ...over,
  };
}

const ctx = (over: Partial<ScoringContext> = {}): ScoringContext => ({
  monitoringAt: AT,
  edition: NATIONAL_2019,
  matcher,
  prohibitedDomains,
  calendar: BUILT_IN_CALENDAR,
  reviews: new Map(),
  ...over,
});
const active = Array.from({ length: 20 }, (_, i) => post(`p${i}`, i + 0.5));

describe('scoreAccount rules', () => {
  it('keeps the findings of two accounts apart when their evidence is shared (one reposting task)', () => {
    const task = {
      id: 'task-1',
      title: '转发防汛通知',
      matchTerms: ['防汛'],
      itemUrl: null,
      publishedAt: new Date(AT.getTime() - 9 * DAY),
      deadline: new Date(AT.getTime() - 6 * DAY),
    };
    const a = scoreAccount(history(active, { repostTasks: [task] }), ctx());
    const b = scoreAccount(
      history(active, { repostTasks: [task], account: { ...history([]).account, id: 'a2' } }),
      ctx(),
    );
    const [fa] = a.findings.filter((f) => f.indicatorCode === 'D10');
    const [fb] = b.findings.filter((f) => f.indicatorCode === 'D10');
    expect(fa?.evidence.sourceId).toBe('task-1');
    expect(fb?.evidence.sourceId).toBe('task-1');
    expect(fa?.fingerprint).not.toBe(fb?.fingerprint);
    // A decision on one account's finding does not decide the other's.
    const dismissedA = scoreAccount(
      history(active, { repostTasks: [task] }),
      ctx({ reviews: new Map([[fa?.fingerprint ?? '', 'DISMISSED']]) }),
    );
    expect(dismissedA.findings.find((f) => f.indicatorCode === 'D10')?.status).toBe('DISMISSED');
    const stillB = scoreAccount(
      history(active, { repostTasks: [task], account: { ...history([]).account, id: 'a2' } }),
      ctx({ reviews: new Map([[fa?.fingerprint ?? '', 'DISMISSED']]) }),
    );
    expect(stillB.findings.find((f) => f.indicatorCode === 'D10')?.status).toBe('CONFIRMED');
  });

  it('passes a clean, active, fully crawled account with 100', () => {
    expect(scoreAccount(history(active), ctx())).toMatchObject({
      result: 'PASS',
      total: 100,
      vetoCodes: [],
      pendingVetoCodes: [],
    });
  });

  it('caps deductions per indicator (30 ads × −5 stay at D3 max 20)', () => {
    const ads = Array.from({ length: 30 }, (_, i) => post(`ad${i}`, 1 + i / 100, `精仿运动鞋，卖鞋清仓 ${i}`));
    const s = scoreAccount(history([...active, ...ads]), ctx());
    expect(s.breakdown.find((b) => b.code === 'D3')).toMatchObject({ deducted: 20, max: 20, status: 'HIT' });
  });

  it('fails below the pass mark and only counts bonus at or above 80', () => {
    const strict = cloneEdition(NATIONAL_2019, { code: 'strict', passMark: 100 });
    const withTypo = [...active, post('t', 1, '再接再励')];
    expect(scoreAccount(history(withTypo), ctx({ edition: strict })).result).toBe('FAIL_SCORE');
    expect(
      scoreAccount(history(withTypo), ctx({ edition: cloneEdition(NATIONAL_2019, { code: 'lenient', passMark: 99 }) }))
        .result,
    ).toBe('PASS');
  });

  describe('bonus items', () => {
    const items = [
      { code: 'B1', name: '解读回应突出', points: 3 },
      { code: 'B2', name: '服务创新', points: 4 },
    ];
    const edition = withBonusItems(cloneEdition(NATIONAL_2019, { code: 'with-bonus' }), items);
    const at = (daysBefore: number) => new Date(AT.getTime() - daysBefore * 86_400_000);
    const withTypo = [...active, post('t', 1, '再接再励')];

    it('prices awards from the edition, once per item, capped', () => {
      const once = scoreAccount(
        history(withTypo, {
          bonusAwards: [
            { code: 'B1', awardedAt: at(3) },
            { code: 'B1', awardedAt: at(2) },
          ],
        }),
        ctx({ edition }),
      );
      expect(once).toMatchObject({ bonus: 3, total: 99, reportedScore: 102 });
      const both = scoreAccount(
        history(withTypo, {
          bonusAwards: [
            { code: 'B1', awardedAt: at(3) },
            { code: 'B2', awardedAt: at(5) },
          ],
        }),
        ctx({ edition }),
      );
      expect(both.bonus).toBe(5);
      const repriced = withBonusItems(edition, [{ code: 'B1', name: '解读回应突出', points: 1 }]);
      expect(
        scoreAccount(
          history(withTypo, {
            bonusAwards: [
              { code: 'B1', awardedAt: at(3) },
              { code: 'B2', awardedAt: at(5) },
            ],
          }),
          ctx({ edition: repriced }),
        ).bonus,
      ).toBe(1);
    });

    it('ignores awards outside the content window, in the future, or unknown to the edition', () => {
      const awards = [
        { code: 'B1', awardedAt: at(NATIONAL_2019.contentWindowDays + 1) },
        { code: 'B2', awardedAt: at(-1) },
        { code: 'B9', awardedAt: at(1) },
      ];
      expect(scoreAccount(history(withTypo, { bonusAwards: awards }), ctx({ edition })).bonus).toBe(0);
    });

    it('counts nothing below the minimum score', () => {
      const ads = Array.from({ length: 30 }, (_, i) => post(`ad${i}`, 1 + i / 100, `精仿运动鞋，卖鞋清仓 ${i}`));
      const s = scoreAccount(
        history([...withTypo, ...ads], { bonusAwards: [{ code: 'B2', awardedAt: at(1) }] }),
        ctx({ edition }),
      );
      expect(s.total).toBeLessThan(80);
      expect(s.bonus).toBe(0);
    });

    it('refuses duplicate or malformed item codes', () => {
      expect(() => withBonusItems(edition, [...items, { code: 'B1', name: 'again', points: 1 }])).toThrow();
      expect(() => withBonusItems(edition, [{ code: 'X1', name: 'bad', points: 1 }])).toThrow();
    });
  });

  it('a suspected veto is AT_RISK, a confirmed one FAIL_VETO, a dismissed one nothing', () => {
    const h = history([...active, post('x', 2, '内部资料 注意保存')]);
    const suspected = scoreAccount(h, ctx());
    expect(suspected).toMatchObject({ result: 'AT_RISK', pendingVetoCodes: ['V1.2'] });
    const fp = suspected.findings.find((f) => f.indicatorCode === 'V1.2')?.fingerprint ?? '';
    expect(scoreAccount(h, ctx({ reviews: new Map([[fp, 'CONFIRMED']]) }))).toMatchObject({
      result: 'FAIL_VETO',
      vetoCodes: ['V1.2'],
      reportedScore: expect.any(Number),
    });
    expect(scoreAccount(h, ctx({ reviews: new Map([[fp, 'DISMISSED']]) })).result).toBe('PASS');
  });

  it('reports a vetoed score capped at the edition veto score', () => {
    const s = scoreAccount(history([post('old', 20)]), ctx());
    expect(s.vetoCodes).toEqual(['V2']);
    expect(s.reportedScore).toBeLessThanOrEqual(NATIONAL_2019.vetoScore);
  });

  it('never turns a crawl gap into a V2 veto, but a post seen inside a gap still counts', () => {
    const gap = new Map(days(95).map((d, i) => [d, i < 10 ? ('FAILED' as const) : ('COVERED' as const)]));
    expect(scoreAccount(history([post('old', 20)], { coverage: gap }), ctx()).result).toBe('INSUFFICIENT_DATA');
    expect(
      scoreAccount(history([post('new', 3), ...active.slice(5)], { coverage: gap }), ctx()).breakdown.find(
        (b) => b.code === 'V2',
      )?.status,
    ).toBe('CLEAR');
  });

  it('never turns an unread end of the window into a V2 veto: at risk or insufficient until a read reaches the monitoring date', () => {
    // Read 3 hours before the monitoring date. Silent for 20 days: the limit was crossed long before the read.
    const early = new Date(AT.getTime() - 3 * 3_600_000);
    const suspected = scoreAccount(history([post('old', 20)], { readThrough: early }), ctx());
    expect(suspected).toMatchObject({ result: 'AT_RISK', vetoCodes: [], pendingVetoCodes: ['V2'] });
    // Last item 14 days and 1 hour before: the limit is crossed 2 hours after the read, so no veto is known.
    const unknown = scoreAccount(history([post('edge', 14 + 1 / 24)], { readThrough: early }), ctx());
    expect(unknown).toMatchObject({ result: 'INSUFFICIENT_DATA', vetoCodes: [], pendingVetoCodes: [] });
    expect(unknown.breakdown.find((b) => b.code === 'V2')).toMatchObject({
      status: 'INSUFFICIENT_DATA',
      reason: 'NOT_READ_THROUGH',
      reasonDetails: { unreadHours: 3 },
    });
    // The same history read at the monitoring date is a confirmed veto.
    expect(scoreAccount(history([post('edge', 14 + 1 / 24)]), ctx()).vetoCodes).toEqual(['V2']);
  });

  it('a dismissal of a suspected V2 does not hide its later confirmation; a dismissal of a confirmed one stands', () => {
    const early = new Date(AT.getTime() - 3 * 3_600_000);
    const suspected = scoreAccount(history([post('old', 20)], { readThrough: early }), ctx());
    const v2 = suspected.findings.find((f) => f.indicatorCode === 'V2');
    expect(v2?.status).toBe('SUSPECTED');
    const fp = v2?.fingerprint ?? '';
    const dismissed = ctx({ reviews: new Map([[fp, 'DISMISSED']]), reviewBases: new Map([[fp, 'SUSPECTED']]) });
    // While the machine still only suspects, the dismissal applies.
    expect(scoreAccount(history([post('old', 20)], { readThrough: early }), dismissed)).toMatchObject({
      pendingVetoCodes: [],
      vetoCodes: [],
    });
    // A later read through the monitoring date confirms the silence: same fingerprint, the veto counts.
    const confirmed = scoreAccount(history([post('old', 20)]), dismissed);
    expect(confirmed.findings.find((f) => f.fingerprint === fp)?.status).toBe('CONFIRMED');
    expect(confirmed).toMatchObject({ result: 'FAIL_VETO', vetoCodes: ['V2'] });
    // A dismissal made on the confirmed finding (e.g. the account was closed) keeps applying, as does one whose
    // basis was never recorded (decisions older than the record).
    const onConfirmed = ctx({ reviews: new Map([[fp, 'DISMISSED']]), reviewBases: new Map([[fp, 'CONFIRMED']]) });
    expect(scoreAccount(history([post('old', 20)]), onConfirmed)).toMatchObject({ vetoCodes: [] });
    expect(scoreAccount(history([post('old', 20)]), ctx({ reviews: new Map([[fp, 'DISMISSED']]) })).vetoCodes).toEqual(
      [],
    );
    // The basis is an input of the score: the hashes differ.
    expect(confirmed.inputHash).not.toBe(scoreAccount(history([post('old', 20)]), onConfirmed).inputHash);
  });

  it('counts a pinned post by its own date for freshness (docs/platform-formats.md §1.3)', () => {
    expect(
      scoreAccount(history([post('pin', 1, '置顶', { isPinned: true }), post('old', 20)]), ctx()).vetoCodes,
    ).toEqual([]);
    expect(
      scoreAccount(history([post('pin', 30, '置顶', { isPinned: true }), post('old', 20)]), ctx()).vetoCodes,
    ).toEqual(['V2']);
  });

  it('is deterministic: same input, same output and hash', () => {
    const h = history([...active, post('t', 1, '新院区设备按装完成')]);
    expect(scoreAccount(h, ctx())).toEqual(scoreAccount(h, ctx()));
  });
});
