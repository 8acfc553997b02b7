import { describe, expect, it } from 'vitest';
import { detectInteraction } from '@/lib/scoring/detectors/interaction';
import { cloneEdition, NATIONAL_2019, type PostFact, type SnapshotFact } from '@/lib/scoring';
import { account, ago, appHistory, AT, context, history, insufficientCodes, post, ruleIds, snapshot } from './fixture';

const WINDOW = NATIONAL_2019.veto.V2.windowDays;
const closed = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => post(`c${i}`, { publishedAt: ago(from + i), commentsEnabled: false }));

describe('V3 未提供有效互动功能', () => {
  it.each<[string, PostFact[], string[]]>([
    ['comments closed on every item of the window', closed(10), ['V3.COMMENTS_CLOSED']],
    [
      'one item of the window still open',
      [...closed(9), post('open', { publishedAt: ago(3), commentsEnabled: true })],
      [],
    ],
    // A pinned item is an item of the window when published inside it (docs/platform-formats.md §1.3), and only then.
    [
      'an open pinned item published inside the window keeps it open',
      [...closed(5), post('pin', { publishedAt: ago(2), isPinned: true, commentsEnabled: true })],
      [],
    ],
    [
      'an open pinned item published before the window does not',
      [...closed(5), post('pin', { publishedAt: ago(WINDOW + 30), isPinned: true, commentsEnabled: true })],
      ['V3.COMMENTS_CLOSED'],
    ],
    [
      'open items only before the window',
      [...closed(5), post('old', { publishedAt: ago(WINDOW + 1), commentsEnabled: true })],
      ['V3.COMMENTS_CLOSED'],
    ],
    [
      'closed items only before the window, open inside',
      [...closed(5, WINDOW + 1), post('new', { publishedAt: ago(1), commentsEnabled: true })],
      [],
    ],
    // Unknown flags (Weibo lists do not expose them) are not read as closed.
    [
      'flags unknown on some items',
      [...closed(5), post('unknown', { publishedAt: ago(2), commentsEnabled: null })],
      [],
    ],
    ['no item in the window (V2 territory, not V3)', closed(3, WINDOW + 2), []],
  ])('%s', (_, posts, expected) => {
    const r = detectInteraction(history({ posts }), context());
    expect(ruleIds(r)).toEqual(expected);
    for (const f of r.findings)
      expect(f).toMatchObject({ indicatorCode: 'V3', status: 'CONFIRMED', isVeto: true, points: 0 });
  });

  it.each<[string, PostFact[], SnapshotFact[], string[]]>([
    [
      'no item nor the profile tells (Weibo timelines)',
      [post('w1', { publishedAt: ago(2), commentsEnabled: null })],
      [],
      ['V3'],
    ],
    ['no item in the window and no profile flag', [], [], ['V3']],
    ['one item known open', [post('w1', { publishedAt: ago(2), commentsEnabled: true })], [], []],
    [
      'profile says interaction is on',
      [post('w1', { publishedAt: ago(2), commentsEnabled: null })],
      [snapshot('s1', { isInteractionEnabled: true })],
      [],
    ],
  ])('a fact the platform does not expose is INSUFFICIENT_DATA, not CLEAR: %s', (_, posts, snapshots, insufficient) => {
    expect(insufficientCodes(detectInteraction(history({ posts, snapshots }), context()))).toEqual(insufficient);
  });

  it('an app whose store does not say whether it has a feedback channel is INSUFFICIENT_DATA for V3', () => {
    expect(
      detectInteraction(
        appHistory({ snapshots: [snapshot('s', { hasFeedbackChannel: null, isInteractionEnabled: null })] }),
        context(),
      ).insufficient,
    ).toEqual([{ code: 'V3', reason: 'NOT_EXPOSED_BY_PLATFORM', details: { fact: 'feedbackChannel' } }]);
    expect(
      detectInteraction(
        appHistory({ snapshots: [snapshot('s', { hasFeedbackChannel: true, isInteractionEnabled: null })] }),
        context(),
      ).insufficient,
    ).toEqual([]);
  });

  it('one finding for the window, naming how many items were closed', () => {
    const [f] = detectInteraction(history({ posts: closed(6) }), context()).findings;
    expect(f?.evidence).toMatchObject({ sourceType: 'POST', details: { key: 'window', items: 6 } });
  });

  it.each<[string, SnapshotFact[], string[]]>([
    [
      'WeChat 留言 not enabled in the latest profile',
      [snapshot('s1', { takenAt: ago(10) }), snapshot('s2', { takenAt: ago(1), isInteractionEnabled: false })],
      ['V3.INTERACTION_OFF'],
    ],
    [
      '留言 re-enabled since',
      [snapshot('s1', { takenAt: ago(10), isInteractionEnabled: false }), snapshot('s2', { takenAt: ago(1) })],
      [],
    ],
    [
      'a profile taken after the monitoring date is ignored',
      [
        snapshot('s1', { takenAt: ago(1) }),
        snapshot('s2', { takenAt: new Date(AT.getTime() + 1), isInteractionEnabled: false }),
      ],
      [],
    ],
    ['interaction flag unknown', [snapshot('s1', { isInteractionEnabled: null })], []],
  ])('profile flag: %s', (_, snapshots, expected) => {
    expect(
      ruleIds(detectInteraction(history({ account: account({ platformCode: 'WECHAT' }), snapshots }), context())),
    ).toEqual(expected);
  });

  it.each<[boolean | null, string[]]>([
    [false, ['V3.NO_FEEDBACK_CHANNEL']],
    [true, []],
    [null, []],
  ])('app with feedback channel %s → %j', (flag, expected) => {
    expect(
      ruleIds(
        detectInteraction(
          appHistory({ snapshots: [snapshot('s', { hasFeedbackChannel: flag, isInteractionEnabled: null })] }),
          context(),
        ),
      ),
    ).toEqual(expected);
  });

  it('follows the edition: its V2 window is the window whose items must all be closed', () => {
    const h = history({ posts: [...closed(5), post('open', { publishedAt: ago(WINDOW + 5), commentsEnabled: true })] });
    expect(ruleIds(detectInteraction(h, context()))).toEqual(['V3.COMMENTS_CLOSED']);
    const month = cloneEdition(NATIONAL_2019, { code: 'prov-30', veto: { V2: { windowDays: 30 } } });
    expect(ruleIds(detectInteraction(h, context({ edition: month })))).toEqual([]);
    const off = cloneEdition(NATIONAL_2019, { code: 'v3-off', veto: { V3: { enabled: false } } });
    expect(ruleIds(detectInteraction(history({ posts: closed(5) }), context({ edition: off })))).toEqual([]);
  });
});
