import { describe, expect, it } from 'vitest';
import { detectPersonalData } from '@/lib/scoring/detectors/personal-data';
import { cloneEdition, NATIONAL_2019, type CommentFact, type PostFact } from '@/lib/scoring';
import { ago, comment, context, history, post, question, reply } from './fixture';

const POINTS = NATIONAL_2019.D4.points;
const hitsIn = (text: string) =>
  detectPersonalData(history({ posts: [post('n', { text })] }), context()).findings.map((f) => [
    f.ruleId,
    f.evidence.matchedText,
    f.evidence.spanStart,
    f.evidence.spanEnd,
  ]);

describe('D4 泄露个人信息 in the account’s own text', () => {
  it.each<[string, string, Array<[string, string, number, number]>]>([
    [
      'G9: ID (valid checksum, birth date, region) and mobile',
      '张某某 110101199003077571，电话13912345678',
      [
        ['D4.ID_CARD', '110101199003077571', 4, 22],
        ['D4.MOBILE', '13912345678', 25, 36],
      ],
    ],
    ['G9: same ID with a wrong check digit', '张某某 110101199003077578', []],
    ['ID with check character X', '身份证11010519850610005X', [['D4.ID_CARD', '11010519850610005X', 3, 21]]],
    ['ID with lower-case x', '身份证11010519850610005x', [['D4.ID_CARD', '11010519850610005x', 3, 21]]],
    ['ID with an impossible birth date (0230), checksum valid', '110101199002301236', []],
    ['ID with an unknown region (00), checksum valid', '号码000101199003077576', []],
    ['masked ID', '110101********7571', []],
    ['mobile with spaces', '联系 139 1234 5678', [['D4.MOBILE', '139 1234 5678', 3, 16]]],
    ['mobile with dashes', '139-1234-5678', [['D4.MOBILE', '139-1234-5678', 0, 13]]],
    ['mobile with +86', '+86 13912345678', [['D4.MOBILE', '+86 13912345678', 0, 15]]],
    ['mobile glued to letters', 'vx13912345678', [['D4.MOBILE', '13912345678', 2, 13]]],
    ['masked mobile', '139****5678', []],
    ['not a mobile prefix (12x)', '12912345678', []],
    ['12 digits are not a mobile', '139123456789', []],
    ['landline', '0871-63123456', []],
    ['bank card (Luhn valid)', '账号6222021001123459', [['D4.BANK_CARD', '6222021001123459', 2, 18]]],
    ['19-digit card in groups', '卡号 6228 4804 0256 4890 018', [['D4.BANK_CARD', '6228 4804 0256 4890 018', 3, 26]]],
    ['card failing Luhn', '6222021001123456', []],
    ['ID-shaped number with a bad check digit that passes Luhn is not a card', '320102198808100003', []],
  ])('%s', (_, text, expected) => {
    expect(hitsIn(text)).toEqual(expected);
  });

  it('each number is a suspected finding worth the edition’s points', () => {
    const found = detectPersonalData(
      history({ posts: [post('n', { text: '110101199003077571 13912345678' })] }),
      context(),
    ).findings;
    expect(
      found.map((f) => [f.status, f.points, f.evidence.sourceType, f.evidence.sourceId, f.evidence.details.kind]),
    ).toEqual([
      ['SUSPECTED', POINTS, 'POST', 'n', 'ID_CARD'],
      ['SUSPECTED', POINTS, 'POST', 'n', 'MOBILE'],
    ]);
  });

  const asked = question('q', ago(2), '请问补贴怎么领？');
  it.each<[string, Partial<PostFact> | null, CommentFact[], string[]]>([
    ['the title of an own item', { text: '补贴名单公示', title: '张某某13912345678' }, [], ['n']],
    ['an own reply', null, [asked, reply('r', asked, ago(1), '请联系13912345678')], ['r']],
    ['a citizen’s comment is not the account’s text', null, [comment('c', { text: '我的电话13912345678' })], []],
    [
      'an item outside the content window',
      { text: '13912345678', publishedAt: ago(NATIONAL_2019.contentWindowDays + 1) },
      [],
      [],
    ],
  ])('source: %s', (_, over, comments, expected) => {
    const h = history({ posts: over ? [post('n', over)] : [], comments });
    expect(detectPersonalData(h, context()).findings.map((f) => f.evidence.sourceId)).toEqual(expected);
  });

  it('a number in a title is reported with offsets into the title', () => {
    const [f] = detectPersonalData(
      history({ posts: [post('n', { title: '张某某13912345678', text: '补贴名单公示' })] }),
      context(),
    ).findings;
    expect(f?.evidence).toMatchObject({ field: 'title', spanStart: 3, spanEnd: 14, matchedText: '13912345678' });
  });

  it('follows the edition: points per number and on/off', () => {
    const h = history({ posts: [post('n', { text: '13912345678' })] });
    expect(
      detectPersonalData(
        h,
        context({ edition: cloneEdition(NATIONAL_2019, { code: 'd4-3', D4: { points: 3 } }) }),
      ).findings.map((f) => f.points),
    ).toEqual([3]);
    expect(
      detectPersonalData(
        h,
        context({ edition: cloneEdition(NATIONAL_2019, { code: 'd4-off', D4: { enabled: false } }) }),
      ).findings,
    ).toEqual([]);
  });
});
