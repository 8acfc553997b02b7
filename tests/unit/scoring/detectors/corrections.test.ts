import { describe, expect, it } from 'vitest';
import { CORRECTION_PAIRING_DAYS, detectDeletedCorrections } from '@/lib/scoring/detectors/corrections';
import { detectTextRules } from '@/lib/scoring/detectors/text-rules';
import { cloneEdition, NATIONAL_2019, type PostFact, type ScoringContext } from '@/lib/scoring';
import { ago, context, history, post } from './fixture';

const WRONG = '明日起全市中小学停课三天，请家长做好安排。';
const FIXED = '明日起全市中小学停课两天，请家长做好安排。';
const original = (over: Partial<PostFact> = {}) =>
  post('orig', { text: WRONG, publishedAt: ago(5), deletedAt: ago(4.9), ...over });
const fixed = (over: Partial<PostFact> = {}) => post('fixed', { text: FIXED, publishedAt: ago(4.8), ...over });

/** Every D2 correction finding, from both detectors that can produce one. */
function corrections(posts: PostFact[], ctx: ScoringContext = context()) {
  const h = history({ posts });
  return [...detectTextRules(h, ctx).findings, ...detectDeletedCorrections(h, ctx).findings]
    .filter((f) => f.ruleId === 'D2.CORRECTION' || f.ruleId === 'D2.DELETED_THEN_CORRECTED')
    .map((f) => ({
      rule: f.ruleId,
      on: f.evidence.sourceId,
      corrects: f.evidence.details.correctsPostId ?? null,
      deleted: f.evidence.details.correctsDeleted ?? null,
    }));
}

describe('D2 corrections: wording vs deleted-then-re-published', () => {
  it.each<[string, PostFact[], ReturnType<typeof corrections>]>([
    [
      'deleted and re-published with changes',
      [original(), fixed()],
      [{ rule: 'D2.DELETED_THEN_CORRECTED', on: 'fixed', corrects: 'orig', deleted: true }],
    ],
    [
      're-published exactly at the pairing limit',
      [original(), fixed({ publishedAt: ago(5 - CORRECTION_PAIRING_DAYS) })],
      [{ rule: 'D2.DELETED_THEN_CORRECTED', on: 'fixed', corrects: 'orig', deleted: true }],
    ],
    [
      're-published after the pairing limit',
      [original(), fixed({ publishedAt: ago(5 - CORRECTION_PAIRING_DAYS - 0.1) })],
      [],
    ],
    ['deleted without a new version', [original()], []],
    ['deleted, then an unrelated item', [original(), fixed({ text: '今天下午召开全市安全生产工作会议。' })], []],
    ['deleted, then the same text again (not corrected)', [original(), fixed({ text: WRONG })], []],
    ['the similar item came before the deleted one', [original(), fixed({ publishedAt: ago(6) })], []],
    ['the new version was deleted too', [original(), fixed({ deletedAt: ago(4) })], []],
    ['a deleted repost is not the account’s own item', [original({ isRepost: true }), fixed()], []],
    [
      'the new version lies outside the content window',
      [
        original({
          publishedAt: ago(NATIONAL_2019.contentWindowDays + 2),
          deletedAt: ago(NATIONAL_2019.contentWindowDays + 1.9),
        }),
        fixed({ publishedAt: ago(NATIONAL_2019.contentWindowDays + 1) }),
      ],
      [],
    ],
    // Counted once: the wording rule names the deleted item instead of a second, silent-correction finding.
    [
      're-published with 更正 wording',
      [original(), fixed({ text: `特此更正：${FIXED}` })],
      [{ rule: 'D2.CORRECTION', on: 'fixed', corrects: 'orig', deleted: true }],
    ],
    [
      'two deleted drafts, one new version: one correction',
      [original(), original({ id: 'orig2', publishedAt: ago(4.95) }), fixed()],
      [{ rule: 'D2.DELETED_THEN_CORRECTED', on: 'fixed', corrects: 'orig', deleted: true }],
    ],
    [
      'G4 辟谣 of an item still online names it',
      [
        post('rumour', { text: '紧急提醒：有人在青山市区投放有毒气球，请家长看好孩子！', publishedAt: ago(9) }),
        post('retraction', { text: '以此为准：经核实，“有毒气球”系谣言。', publishedAt: ago(8) }),
      ],
      [{ rule: 'D2.CORRECTION', on: 'retraction', corrects: 'rumour', deleted: false }],
    ],
    [
      'correction wording that corrects nothing recent still counts, naming nothing',
      [post('c', { text: '此前发布有误，特此更正。' })],
      [{ rule: 'D2.CORRECTION', on: 'c', corrects: null, deleted: null }],
    ],
  ])('%s', (_, posts, expected) => {
    expect(corrections(posts)).toEqual(expected);
  });

  it('a silent correction is suspected, worth the edition’s correction points, and keeps the deleted text as evidence', () => {
    const [f] = detectDeletedCorrections(history({ posts: [original(), fixed()] }), context()).findings;
    expect(f).toMatchObject({
      indicatorCode: 'D2',
      status: 'SUSPECTED',
      points: NATIONAL_2019.D2.correctionPoints,
      evidence: { sourceType: 'POST', sourceId: 'fixed', details: { deletedText: WRONG } },
    });
  });

  it('follows the edition: a clone with other correction points and a shorter content window', () => {
    const edition = cloneEdition(NATIONAL_2019, {
      code: 'strict-d2',
      contentWindowDays: 3,
      D2: { correctionPoints: 8 },
    });
    expect(
      detectDeletedCorrections(
        history({ posts: [original({ publishedAt: ago(2), deletedAt: ago(1.9) }), fixed({ publishedAt: ago(1.8) })] }),
        context({ edition }),
      ).findings.map((f) => f.points),
    ).toEqual([8]);
    expect(detectDeletedCorrections(history({ posts: [original(), fixed()] }), context({ edition })).findings).toEqual(
      [],
    );
  });
});
