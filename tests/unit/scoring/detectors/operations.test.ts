import { describe, expect, it } from 'vitest';
import { detectOperations } from '@/lib/scoring/detectors/operations';
import {
  cloneEdition,
  NATIONAL_2019,
  scoreAccount,
  type LinkCheckFact,
  type PostFact,
  type RepostTaskFact,
  type SnapshotFact,
} from '@/lib/scoring';
import {
  ago,
  appHistory,
  AT,
  context,
  dailyPosts,
  history,
  HOUR,
  post,
  repostTask,
  ruleIds,
  snapshot,
  linkCheck,
} from './fixture';

const { D6, D9, D10 } = NATIONAL_2019;
const fans = (id: string, daysAgo: number, followersCount: number | null) =>
  snapshot(id, { takenAt: ago(daysAgo), followersCount });
const jump = D9.fanJumpFactor;

describe('D9 follower jumps', () => {
  it.each<[string, SnapshotFact[], PostFact[], string[]]>([
    ['9× within 4 days', [fans('a', 6, 1000), fans('b', 2, 9000)], [], ['D9.FOLLOWER_JUMP']],
    ['exactly the factor', [fans('a', 6, 1000), fans('b', 2, 1000 * jump)], [], []],
    ['just above the factor', [fans('a', 6, 1000), fans('b', 2, 1000 * jump + 1)], [], ['D9.FOLLOWER_JUMP']],
    ['over exactly fanJumpDays', [fans('a', 2 + D9.fanJumpDays, 1000), fans('b', 2, 9000)], [], ['D9.FOLLOWER_JUMP']],
    ['over more than fanJumpDays', [fans('a', 2.1 + D9.fanJumpDays, 1000), fans('b', 2, 9000)], [], []],
    ['3× only', [fans('a', 6, 1000), fans('b', 2, 3000)], [], []],
    ['from zero followers', [fans('a', 6, 0), fans('b', 2, 9000)], [], []],
    ['follower count unknown', [fans('a', 6, null), fans('b', 2, 9000)], [], []],
    ['a reading after the monitoring date', [fans('a', 3, 1000), fans('b', -1, 9000)], [], []],
    // "with no matching item reach": a viral item between the readings explains the new followers.
    [
      'a viral item between the readings',
      [fans('a', 6, 1000), fans('b', 2, 9000)],
      [post('viral', { publishedAt: ago(5), likes: 60000, reposts: 12000, comments: 3000 })],
      [],
    ],
    [
      'items between the readings with little reach',
      [fans('a', 6, 1000), fans('b', 2, 9000)],
      [post('quiet', { publishedAt: ago(5), likes: 12, reposts: 1, comments: 0 })],
      ['D9.FOLLOWER_JUMP'],
    ],
    [
      'a viral item outside the jump',
      [fans('a', 6, 1000), fans('b', 2, 9000)],
      [post('old', { publishedAt: ago(30), likes: 60000, reposts: 12000, comments: 3000 })],
      ['D9.FOLLOWER_JUMP'],
    ],
  ])('%s', (_, snapshots, posts, expected) => {
    const found = detectOperations(history({ snapshots, posts: [...dailyPosts(), ...posts] }), context()).findings;
    expect(found.map((f) => f.ruleId)).toEqual(expected);
    for (const f of found)
      expect(f).toMatchObject({
        status: 'SUSPECTED',
        points: D9.fanJumpPoints,
        evidence: { sourceType: 'SNAPSHOT', sourceId: 'b' },
      });
  });

  it('apps are not checked for follower jumps', () => {
    expect(
      ruleIds(detectOperations(appHistory({ snapshots: [fans('a', 6, 1000), fans('b', 2, 9000)] }), context())),
    ).toEqual([]);
  });

  it('follows the edition: a 3× factor flags 4×', () => {
    const h = history({ snapshots: [fans('a', 6, 1000), fans('b', 2, 4000)] });
    expect(ruleIds(detectOperations(h, context()))).toEqual([]);
    const strict = cloneEdition(NATIONAL_2019, { code: 'fans-3x', D9: { fanJumpFactor: 3 } });
    expect(ruleIds(detectOperations(h, context({ edition: strict })))).toEqual(['D9.FOLLOWER_JUMP']);
  });
});

describe('D6 dead links (checked twice, an hour apart)', () => {
  const URL_A = 'https://gov.example/menu/service';
  const check = (id: string, hoursAgo: number, httpStatus: number | null, url = URL_A) =>
    linkCheck(id, {
      url,
      checkedAt: new Date(AT.getTime() - hoursAgo * HOUR),
      httpStatus,
      isFailure: httpStatus === null || httpStatus >= 400,
    });
  const d6 = (h: ReturnType<typeof history>, ctx = context()) => {
    const r = detectOperations(h, ctx);
    return {
      ids: r.findings.map((f) => f.evidence.sourceId),
      insufficient: r.insufficient.filter((i) => i.code === 'D6'),
    };
  };
  it.each<[string, LinkCheckFact[], string[]]>([
    ['404 twice, two hours apart', [check('1', 3, 404), check('2', 1, 404)], ['1']],
    ['failing exactly minHoursApart apart', [check('1', 1 + D6.minHoursApart, 500), check('2', 1, 404)], ['1']],
    ['failing twice within the hour', [check('1', 1.8, 404), check('2', 1, 404)], []],
    ['one failure only', [check('1', 3, 404)], []],
    ['failed, then answered again', [check('1', 3, 404), check('2', 2, 404), check('3', 1, 200)], []],
    ['DNS failure twice (no HTTP status)', [check('1', 3, null), check('2', 1, null)], ['1']],
    ['the second failure after the monitoring date', [check('1', 3, 404), check('2', -1, 404)], []],
    [
      'three failures: the outage starts at the first',
      [check('1', 5, 404), check('2', 3, 404), check('3', 1, 404)],
      ['1'],
    ],
    // An earlier outage that recovered does not combine with a new failure: only the current run of failures counts.
    [
      'failed, answered, failed twice within the hour',
      [check('1', 5, 404), check('2', 4, 200), check('3', 1.5, 404), check('4', 1, 404)],
      [],
    ],
    [
      'two dead links, one finding each',
      [
        check('1', 3, 404),
        check('2', 1, 404),
        check('3', 3, 410, 'https://gov.example/b'),
        check('4', 1, 410, 'https://gov.example/b'),
      ],
      ['3', '1'],
    ],
  ])('%s', (_, linkChecks, expected) => {
    const found = detectOperations(history({ linkChecks }), context()).findings;
    expect(found.map((f) => f.evidence.sourceId)).toEqual(expected);
    for (const f of found)
      expect(f).toMatchObject({
        ruleId: 'D6.DEAD_LINK',
        status: 'CONFIRMED',
        points: D6.points,
        evidence: { sourceType: 'LINK_CHECK' },
      });
  });

  it('names the link, its status and the first and last failing checks', () => {
    const [f] = detectOperations(history({ linkChecks: [check('1', 3, 500), check('2', 1, 404)] }), context()).findings;
    expect(f?.evidence).toMatchObject({
      url: URL_A,
      matchedText: URL_A,
      sourceId: '1',
      details: {
        httpStatus: 404,
        firstFailedAt: new Date(AT.getTime() - 3 * HOUR).toISOString(),
        lastFailedAt: new Date(AT.getTime() - HOUR).toISOString(),
        failures: 2,
      },
    });
  });

  it('keeps the finding (and a review of it) while the link stays dead', () => {
    const before = detectOperations(
      history({ linkChecks: [check('1', 30, 404), check('2', 28, 404)] }),
      context({ monitoringAt: new Date(AT.getTime() - 27 * HOUR) }),
    ).findings;
    const after = detectOperations(
      history({ linkChecks: [check('1', 30, 404), check('2', 28, 404), check('3', 1, 404)] }),
      context(),
    ).findings;
    expect(after.map((f) => f.fingerprint)).toEqual(before.map((f) => f.fingerprint));
  });

  it('applies to apps and to accounts with menus alike', () => {
    const linkChecks = [check('1', 3, 404), check('2', 1, 404)];
    expect(ruleIds(detectOperations(appHistory({ linkChecks }), context()))).toEqual(['D6.DEAD_LINK']);
  });

  it('follows the edition: checks must be a day apart', () => {
    const h = history({ linkChecks: [check('1', 3, 404), check('2', 1, 404)] });
    const daily = cloneEdition(NATIONAL_2019, { code: 'links-24h', D6: { minHoursApart: 24 } });
    expect(ruleIds(detectOperations(h, context({ edition: daily })))).toEqual([]);
    expect(d6(h, context({ edition: daily })).insufficient).toEqual([
      { code: 'D6', reason: 'LINK_FAILED_ONCE', details: { links: 1, failedOnce: 1 } },
    ]);
  });

  describe('unknown is not clean', () => {
    const linked = (id: string, daysAgo: number, links: string[]) => post(id, { publishedAt: ago(daysAgo), links });

    it('no links at all: nothing to be dead, no insufficiency', () => {
      expect(d6(history())).toEqual({ ids: [], insufficient: [] });
    });

    it('a link of an item in the window never checked: INSUFFICIENT_DATA (LINKS_NOT_CHECKED)', () => {
      const h = history({ posts: [...dailyPosts(), linked('x', 2, [URL_A])] });
      expect(d6(h)).toEqual({
        ids: [],
        insufficient: [{ code: 'D6', reason: 'LINKS_NOT_CHECKED', details: { links: 1, unchecked: 1, failedOnce: 0 } }],
      });
    });

    it('a link checked only before the content window is not known now', () => {
      const old = check('1', (NATIONAL_2019.contentWindowDays + 1) * 24, 200);
      expect(
        d6(history({ posts: [...dailyPosts(), linked('x', 2, [URL_A])], linkChecks: [old] })).insufficient[0]?.reason,
      ).toBe('LINKS_NOT_CHECKED');
    });

    it("a link of an item older than the window is not the account's concern any more", () => {
      expect(
        d6(history({ posts: [...dailyPosts(), linked('x', NATIONAL_2019.contentWindowDays + 2, [URL_A])] })),
      ).toEqual({ ids: [], insufficient: [] });
    });

    it('links of deleted items and links that are not web links do not count', () => {
      const gone = post('gone', { publishedAt: ago(2), links: [URL_A], deletedAt: ago(1) });
      expect(
        d6(history({ posts: [...dailyPosts(), gone, linked('x', 2, ['mailto:office@gov.example', 'tel:12345'])] })),
      ).toEqual({ ids: [], insufficient: [] });
    });

    it('every link alive at its latest check: clear', () => {
      const h = history({
        posts: [...dailyPosts(), linked('x', 2, [URL_A])],
        linkChecks: [check('1', 3, 404), check('2', 1, 200)],
      });
      expect(d6(h)).toEqual({ ids: [], insufficient: [] });
    });

    it('a dead link and an unchecked one: the hit keeps the reason', () => {
      const h = history({
        posts: [...dailyPosts(), linked('x', 2, [URL_A, 'https://gov.example/other'])],
        linkChecks: [check('1', 3, 404), check('2', 1, 404)],
      });
      expect(d6(h)).toEqual({
        ids: ['1'],
        insufficient: [{ code: 'D6', reason: 'LINKS_NOT_CHECKED', details: { links: 2, unchecked: 1, failedOnce: 0 } }],
      });
      const d6Row = scoreAccount(h, context()).breakdown.find((b) => b.code === 'D6');
      expect(d6Row).toMatchObject({ status: 'HIT', deducted: D6.points, reason: 'LINKS_NOT_CHECKED' });
    });

    it('the scorecard says INSUFFICIENT_DATA, and the account verdict does not wait for it', () => {
      const h = history({ posts: [...dailyPosts(), linked('x', 2, [URL_A])] });
      const score = scoreAccount(h, context());
      expect(score.breakdown.find((b) => b.code === 'D6')).toMatchObject({
        status: 'INSUFFICIENT_DATA',
        deducted: 0,
        reason: 'LINKS_NOT_CHECKED',
      });
      expect(score.result).not.toBe('INSUFFICIENT_DATA');
    });
  });
});

describe('D10 required reposts', () => {
  const task = repostTask('t');
  it.each<[string, RepostTaskFact[], PostFact[], string[]]>([
    ['missed by the deadline', [task], [], ['t']],
    ['reposted in time', [task], [post('x', { text: '转发：防汛通知', publishedAt: ago(4) })], []],
    [
      'reposted in time, term only in the reposted text',
      [task],
      [post('x', { text: '转发微博', isRepost: true, repostOfText: '关于做好防汛工作的通知', publishedAt: ago(4) })],
      [],
    ],
    ['reposted after the deadline', [task], [post('x', { text: '防汛通知', publishedAt: ago(1) })], ['t']],
    ['posted before the task existed', [task], [post('x', { text: '防汛通知', publishedAt: ago(6) })], ['t']],
    ['deadline still ahead', [repostTask('later', { deadline: ago(-1) })], [], []],
    [
      'linked the item URL',
      [repostTask('u', { matchTerms: ['不会出现'], itemUrl: 'https://www.gov.cn.example/flood' })],
      [post('x', { text: '请看通知', links: ['http://WWW.gov.cn.example/flood/#top'], publishedAt: ago(4) })],
      [],
    ],
    [
      'reposted the item by URL',
      [repostTask('u', { matchTerms: ['不会出现'], itemUrl: 'https://www.gov.cn.example/flood' })],
      [
        post('x', {
          text: '//转发',
          isRepost: true,
          repostOfUrl: 'https://www.gov.cn.example/flood',
          publishedAt: ago(4),
        }),
      ],
      [],
    ],
    [
      'quoted the item URL in its text',
      [repostTask('u', { matchTerms: ['不会出现'], itemUrl: 'https://www.gov.cn.example/flood' })],
      [post('x', { text: '原文见 https://www.gov.cn.example/flood 。', publishedAt: ago(4) })],
      [],
    ],
    [
      'linked another item of the same site',
      [repostTask('u', { matchTerms: ['不会出现'], itemUrl: 'https://www.gov.cn.example/flood' })],
      [post('x', { text: '请看通知', links: ['https://www.gov.cn.example/fire'], publishedAt: ago(4) })],
      ['u'],
    ],
    [
      'two tasks missed',
      [task, repostTask('t2', { title: '转发森林防火通知', matchTerms: ['森林防火'] })],
      [post('x', { text: '防汛通知', publishedAt: ago(4) })],
      ['t2'],
    ],
  ])('%s', (_, repostTasks, posts, expected) => {
    const found = detectOperations(history({ repostTasks, posts: [...dailyPosts(), ...posts] }), context()).findings;
    expect(found.map((f) => f.evidence.sourceId)).toEqual(expected);
    for (const f of found)
      expect(f).toMatchObject({
        ruleId: 'D10.MISSED_REPOST',
        status: 'CONFIRMED',
        points: D10.points,
        evidence: { sourceType: 'REPOST_TASK' },
      });
  });

  it(`each missed task deducts ${D10.points}, up to the indicator maximum ${D10.max}`, () => {
    const tasks = Array.from({ length: 8 }, (_, i) => repostTask(`t${i}`, { matchTerms: [`任务${i}`] }));
    expect(detectOperations(history({ repostTasks: tasks }), context()).findings).toHaveLength(8);
    expect(
      scoreAccount(history({ repostTasks: tasks }), context()).breakdown.find((b) => b.code === 'D10'),
    ).toMatchObject({ status: 'HIT', deducted: D10.max });
  });

  it('follows the edition: other points per missed task', () => {
    const edition = cloneEdition(NATIONAL_2019, { code: 'd10-3', D10: { points: 3 } });
    expect(
      detectOperations(history({ repostTasks: [task] }), context({ edition })).findings.map((f) => f.points),
    ).toEqual([3]);
  });
});
