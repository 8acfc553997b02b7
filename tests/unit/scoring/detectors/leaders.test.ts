import { describe, expect, it } from 'vitest';
import { detectTextRules } from '@/lib/scoring/detectors/text-rules';
import { compileLexicons, STARTER_LEXICONS, type Finding, type LexiconDef } from '@/lib/scoring';
import { context, history, post } from './fixture';

// Fictional leaders of a fictional province; real deployments enter their own in the lexicon editor.
const leaders: LexiconDef = {
  code: 'leaders',
  name: '领导同志',
  category: 'PROTECTED_TERM',
  entries: [
    { term: '周正清', data: { titles: ['省委书记'], rank: 1 } },
    { term: '王建国', data: { titles: ['省长', '省委副书记'], rank: 2 } },
    { term: '李国华', data: { titles: ['常务副省长'], rank: 3 } },
    { term: '陈思远', data: { titles: ['副省长'], rank: 4 } },
  ],
};
const ctx = context(compileLexicons([...STARTER_LEXICONS, leaders]));
const inPost = (text: string) => detectTextRules(history({ posts: [post('t', { text })] }), ctx).findings;
const brief = (f: Finding) => ({ rule: f.ruleId, text: f.evidence.matchedText, correct: f.evidence.details.correct });

describe('V1.1 leaders: titles', () => {
  it.each<[string, string, ReturnType<typeof brief>[]]>([
    [
      'a deputy called by the full title',
      '省长陈思远到江川市调研',
      [{ rule: 'V1.1.LEADER_TITLE', text: '省长陈思远', correct: '副省长陈思远' }],
    ],
    [
      'a governor called deputy',
      '副省长王建国主持会议',
      [{ rule: 'V1.1.LEADER_TITLE', text: '副省长王建国', correct: '省长王建国、省委副书记王建国' }],
    ],
    [
      'a wrong title after the name',
      '王建国书记出席活动',
      [{ rule: 'V1.1.LEADER_TITLE', text: '王建国书记', correct: '省长王建国、省委副书记王建国' }],
    ],
    [
      'a wrong title in a chain of titles',
      '省委书记、省长李国华出席',
      [{ rule: 'V1.1.LEADER_TITLE', text: '省长李国华', correct: '常务副省长李国华' }],
    ],
  ])('%s', (_, text, expected) => {
    expect(inPost(text).map(brief)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['the title held', '副省长陈思远到江川市调研'],
    ['a longer title ending with the one written', '省委书记周正清、江川省委书记周正清'],
    ['all titles of a chain held', '省委副书记、省长王建国主持会议'],
    ['the title after the name', '王建国省长在会上讲话'],
    ['a name with no title', '王建国在会上指出'],
    ['a name that is part of another word', '王建国庆节值班安排'],
  ])('no finding: %s', (_, text) => {
    expect(inPost(text).filter((f) => f.indicatorCode === 'V1.1')).toEqual([]);
  });

  it('evidence is a suspected veto spanning title and name', () => {
    const [f] = inPost('今天，省长陈思远到江川市调研');
    expect(f).toMatchObject({
      indicatorCode: 'V1.1',
      ruleId: 'V1.1.LEADER_TITLE',
      status: 'SUSPECTED',
      isVeto: true,
      points: 0,
    });
    expect(f?.evidence).toMatchObject({
      spanStart: 3,
      spanEnd: 8,
      matchedText: '省长陈思远',
      lexiconEntry: '陈思远',
      details: { title: '省长' },
    });
  });
});

describe('V1.1 leaders: protocol order', () => {
  it('a list out of rank order is one finding naming the right order', () => {
    expect(inPost('陈思远、李国华出席会议').map(brief)).toEqual([
      { rule: 'V1.1.LEADER_ORDER', text: '陈思远、李国华', correct: '李国华、陈思远' },
    ]);
  });
  it('titles inside the list are allowed between the names', () => {
    expect(inPost('省长王建国，省委书记周正清出席').map(brief)).toEqual([
      { rule: 'V1.1.LEADER_ORDER', text: '王建国，省委书记周正清', correct: '周正清、王建国' },
    ]);
  });
  it.each<[string, string]>([
    ['in order', '周正清、王建国、李国华、陈思远出席会议'],
    ['in separate sentences', '陈思远主持会议。李国华讲话'],
    ['separated by other words', '陈思远会见了李国华'],
  ])('no finding: %s', (_, text) => {
    expect(inPost(text)).toEqual([]);
  });
});
