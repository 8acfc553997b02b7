import { describe, expect, it } from 'vitest';
import { detectReplies } from '@/lib/scoring/detectors/replies';
import { workdaysBetween } from '@/lib/time';
import { BUILT_IN_CALENDAR, cloneEdition, NATIONAL_2019, type CommentFact } from '@/lib/scoring';
import {
  ago,
  appHistory,
  AT,
  comment,
  context,
  coverage,
  cst,
  DAY,
  history,
  question,
  reply,
  ruleIds,
} from './fixture';

const { D5 } = NATIONAL_2019;
/** A monitoring date three weeks after 国庆 2026, so questions around the holiday fall in the 30-day window. */
const AFTER_NATIONAL_DAY = cst('2026-10-20 12:00');

/** `n` questions asked at `asked`; the first `answered` get a reply at `repliedAt`. */
function thread(n: number, answered: number, asked: Date, repliedAt: Date): CommentFact[] {
  return Array.from({ length: n }, (_, i) => {
    const q = question(`q${i}`, new Date(asked.getTime() + i * 60_000));
    return i < answered ? [q, reply(`r${i}`, q, new Date(repliedAt.getTime() + i * 60_000))] : [q];
  }).flat();
}

describe('working days (BUILT_IN_CALENDAR)', () => {
  it.each<[string, string, string, number]>([
    ['same day', '2026-11-24 09:00', '2026-11-24 17:00', 0],
    ['Friday to Monday', '2026-10-16 10:00', '2026-10-19 10:00', 1],
    ['asked before 国庆, answered the first day after it', '2026-09-30 10:00', '2026-10-08 10:00', 1],
    ['the adjusted Saturday 10-10 is a working day', '2026-10-09 10:00', '2026-10-12 10:00', 2],
    ['the adjusted Sunday 09-20 is a working day', '2026-09-18 10:00', '2026-09-21 10:00', 2],
    ['中秋 09-25…27 are not working days', '2026-09-24 10:00', '2026-09-28 10:00', 1],
  ])('%s', (_, from, to, expected) => {
    expect(workdaysBetween(cst(from), cst(to), BUILT_IN_CALENDAR)).toBe(expected);
  });
});

describe('D5 reply latency in working days', () => {
  it.each<[string, Date, string, string, string[]]>([
    // 11 calendar days but 4 working days: the holiday does not make the reply late.
    ['asked before 国庆, answered after it', AFTER_NATIONAL_DAY, '2026-09-28 10:00', '2026-10-09 10:00', []],
    ['the same 11 calendar days without a holiday', AT, '2026-11-02 10:00', '2026-11-13 10:00', ['D5.SLOW_REPLIES']],
    // 08 → 14 October: 9, 10 (adjusted Saturday), 12, 13, 14 = exactly the limit.
    [
      'exactly the limit, counting the adjusted Saturday',
      AFTER_NATIONAL_DAY,
      '2026-10-08 10:00',
      '2026-10-14 10:00',
      [],
    ],
    [
      'one working day over the limit only thanks to the adjusted Saturday',
      AFTER_NATIONAL_DAY,
      '2026-10-08 10:00',
      '2026-10-15 10:00',
      ['D5.SLOW_REPLIES'],
    ],
    ['answered the same day', AT, '2026-11-20 09:00', '2026-11-20 15:00', []],
  ])('%s', (_, at, asked, answered, expected) => {
    const h = history({
      comments: thread(D5.minQuestions, D5.minQuestions, cst(asked), cst(answered)),
      coverage: coverage(100, at),
    });
    expect(ruleIds(detectReplies(h, context({ monitoringAt: at })))).toEqual(expected);
  });

  it('uses the earliest reply and reports the median in working days', () => {
    const qs = thread(3, 3, cst('2026-11-02 10:00'), cst('2026-11-13 10:00'));
    const early = qs
      .filter((c) => c.isOwnReply)
      .map((r, i) =>
        reply(
          `early${i}`,
          qs.find((c) => c.id === r.replyToId)!,
          cst('2026-11-03 10:00'),
        ),
      );
    expect(ruleIds(detectReplies(history({ comments: [...qs, ...early] }), context()))).toEqual([]);
    const [slow] = detectReplies(history({ comments: qs }), context()).findings;
    expect(slow).toMatchObject({
      ruleId: 'D5.SLOW_REPLIES',
      status: 'CONFIRMED',
      points: D5.latencyPoints,
      evidence: { details: { medianWorkdays: 9, replies: 3 } },
    });
  });
});

describe('D5 reply rate', () => {
  const asked = ago(10);
  const answeredAt = ago(9.5);
  it.each<[string, CommentFact[], string[]]>([
    ['4 of 5 answered is exactly the minimum rate', thread(5, 4, asked, answeredAt), []],
    ['3 of 5 answered', thread(5, 3, asked, answeredAt), ['D5.LOW_REPLY_RATE']],
    ['nothing answered', thread(5, 0, asked, answeredAt), ['D5.LOW_REPLY_RATE']],
    [
      'a reply after the monitoring date does not count yet',
      thread(5, 5, asked, new Date(AT.getTime() + DAY)),
      ['D5.LOW_REPLY_RATE'],
    ],
    [
      'a reply to another comment does not answer the question',
      [...thread(5, 4, asked, answeredAt).filter((c) => c.id !== 'r3'), reply('r3', comment('other'), answeredAt)],
      ['D5.LOW_REPLY_RATE'],
    ],
    [
      'comments that are not questions are not counted',
      [
        ...thread(5, 4, asked, answeredAt),
        ...Array.from({ length: 5 }, (_, i) => comment(`praise${i}`, { text: '点赞！辛苦了', publishedAt: asked })),
      ],
      [],
    ],
    [
      'questions before the window are not counted',
      [
        ...thread(5, 4, asked, answeredAt),
        ...Array.from({ length: 5 }, (_, i) => question(`old${i}`, ago(D5.windowDays + 1 + i))),
      ],
      [],
    ],
    ['fewer questions than the minimum, none answered', thread(D5.minQuestions - 1, 0, asked, answeredAt), []],
  ])('%s', (_, comments, expected) => {
    const r = detectReplies(history({ comments }), context());
    expect(ruleIds(r)).toEqual(expected);
    expect(r.insufficient).toEqual([]);
  });

  it('the finding states the rate and its counts', () => {
    expect(detectReplies(history({ comments: thread(5, 3, asked, answeredAt) }), context()).findings[0]).toMatchObject({
      status: 'CONFIRMED',
      points: D5.replyRatePoints,
      evidence: { details: { questions: 5, answered: 3, rate: 0.6 } },
    });
  });

  it.each<[string, number, string[]]>([
    ['too few questions seen through a crawl gap: INSUFFICIENT_DATA', D5.minQuestions - 1, ['D5']],
    ['enough questions seen despite the gap: scored', D5.minQuestions, []],
  ])('%s', (_, n, insufficient) => {
    const r = detectReplies(
      history({ comments: thread(n, 0, asked, answeredAt), coverage: coverage(100, AT, (d) => d === 3) }),
      context(),
    );
    expect(r.insufficient.map((i) => i.code)).toEqual(insufficient);
  });

  it('apps: D5 does not apply', () => {
    expect(detectReplies(appHistory({ comments: thread(5, 0, asked, answeredAt) }), context())).toEqual({
      findings: [],
      insufficient: [],
      notApplicable: ['D5'],
    });
  });

  it('follows the edition: a 90% rate and 3-working-day limit', () => {
    const strict = cloneEdition(NATIONAL_2019, {
      code: 'strict-d5',
      D5: { minReplyRate: 0.9, maxMedianLatencyWorkdays: 3 },
    });
    const comments = thread(5, 4, cst('2026-11-16 10:00'), cst('2026-11-20 10:00'));
    expect(ruleIds(detectReplies(history({ comments }), context()))).toEqual([]);
    expect(ruleIds(detectReplies(history({ comments }), context({ edition: strict })))).toEqual([
      'D5.LOW_REPLY_RATE',
      'D5.SLOW_REPLIES',
    ]);
  });
});

describe('D5: the reply deadline (the monitoring date) bounded by the read', () => {
  const endOfDay = new Date(cst('2026-11-26 00:00').getTime() - 1);
  const asked = cst('2026-11-20 10:00');
  const answeredAt = cst('2026-11-20 15:00');
  const d5 = (r: ReturnType<typeof detectReplies>) => ({
    rules: ruleIds(r),
    reason: r.insufficient.find((i) => i.code === 'D5')?.reason ?? null,
  });
  /** Every day up to the day of `at` crawled with comments, the last read at `readThrough`. */
  const scored = (at: Date, readThrough: Date | null, comments: CommentFact[]) =>
    detectReplies(
      history({ comments, coverage: coverage(40, readThrough ?? at), readThrough }),
      context({ monitoringAt: at }),
    );

  it('read 23:50, monitoring at the end of the day: no deduction from unread replies, the undecided count kept', () => {
    const r = scored(endOfDay, cst('2026-11-25 23:50'), thread(5, 1, asked, answeredAt));
    expect(d5(r)).toEqual({ rules: [], reason: 'NOT_READ_THROUGH' });
    expect(r.insufficient[0]?.details).toEqual({
      readThrough: '2026-11-25T15:50:00.000Z',
      readThroughAt: '2026-11-25 23:50',
      unreadHours: 1,
      questions: 5,
      answered: 1,
      undecided: 4,
    });
  });

  it('read 00:10 the next day decides the day before', () => {
    expect(d5(scored(endOfDay, cst('2026-11-26 00:10'), thread(5, 1, asked, answeredAt)))).toEqual({
      rules: ['D5.LOW_REPLY_RATE'],
      reason: null,
    });
  });

  it.each<[string, number, ReturnType<typeof d5>]>([
    ['deadline 1 ms before the read: decided', -1, { rules: ['D5.LOW_REPLY_RATE'], reason: null }],
    ['deadline at the read: decided', 0, { rules: ['D5.LOW_REPLY_RATE'], reason: null }],
    ['deadline 1 ms after the read: undecided', 1, { rules: [], reason: 'NOT_READ_THROUGH' }],
  ])('%s', (_, offset, expected) => {
    const read = cst('2026-11-25 23:50');
    expect(d5(scored(new Date(read.getTime() + offset), read, thread(5, 0, asked, answeredAt)))).toEqual(expected);
  });

  it('every question answered but the read ended before the deadline: not CLEAR (unseen questions may follow)', () => {
    expect(d5(scored(endOfDay, cst('2026-11-25 23:50'), thread(5, 5, asked, answeredAt)))).toEqual({
      rules: [],
      reason: 'NOT_READ_THROUGH',
    });
    expect(d5(scored(endOfDay, cst('2026-11-26 00:10'), thread(5, 5, asked, answeredAt)))).toEqual({
      rules: [],
      reason: null,
    });
  });

  it('slow replies are not decided before the read either (a quick answer may follow in the unread part)', () => {
    const slow = thread(3, 3, cst('2026-11-02 10:00'), cst('2026-11-13 10:00'));
    expect(d5(scored(endOfDay, cst('2026-11-25 23:50'), slow))).toEqual({ rules: [], reason: 'NOT_READ_THROUGH' });
    expect(d5(scored(endOfDay, cst('2026-11-26 00:10'), slow))).toEqual({ rules: ['D5.SLOW_REPLIES'], reason: null });
  });

  it('too few questions seen, every day crawled with comments: CLEAR only when read through the deadline', () => {
    const few = thread(D5.minQuestions - 1, 0, asked, answeredAt);
    expect(d5(scored(endOfDay, cst('2026-11-25 23:50'), few))).toEqual({ rules: [], reason: 'NOT_READ_THROUGH' });
    expect(d5(scored(endOfDay, cst('2026-11-26 00:10'), few))).toEqual({ rules: [], reason: null });
  });

  it('every day crawled but the read instant unknown: undecided, never a deduction', () => {
    const r = scored(endOfDay, null, thread(5, 0, asked, answeredAt));
    expect(d5(r)).toEqual({ rules: [], reason: 'NOT_READ_THROUGH' });
    expect(r.insufficient[0]?.details).toMatchObject({ readThrough: null, readThroughAt: null, undecided: 5 });
  });
});
