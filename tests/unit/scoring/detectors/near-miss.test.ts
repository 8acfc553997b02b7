import { describe, expect, it } from 'vitest';
import { detectTextRules } from '@/lib/scoring/detectors/text-rules';
import { compileLexicons, STARTER_LEXICONS, type Finding, type LexiconDef, type ScoringContext } from '@/lib/scoring';
import { context, history, post } from './fixture';

const inPost = (text: string, ctx: ScoringContext = context()) =>
  detectTextRules(history({ posts: [post('t', { text })] }), ctx).findings;
const brief = (f: Finding) => ({
  rule: f.ruleId,
  start: f.evidence.spanStart,
  end: f.evidence.spanEnd,
  text: f.evidence.matchedText,
  entry: f.evidence.lexiconEntry,
});
const sorted = (found: Finding[]) => found.map(brief).sort((a, b) => a.rule.localeCompare(b.rule));

type Case = [string, string, { rule: string; start: number; end: number; text: string; entry: string }[]];
const near = (start: number, text: string, entry: string) => ({
  rule: 'V1.1.NEAR_MISS',
  start,
  end: start + text.length,
  text,
  entry,
});

describe('V1.1 near-misses of protected names', () => {
  it.each<Case>([
    ['a substituted character', '最高人民检查院发布典型案例', [near(0, '最高人民检查院', '最高人民检察院')]],
    [
      'an inserted character',
      '出席中国人民政治协商商会议',
      [near(2, '中国人民政治协商商会议', '中国人民政治协商会议')],
    ],
    ['a deleted character', '中国人民政协商会议委员', [near(0, '中国人民政协商会议', '中国人民政治协商会议')]],
    ['two adjacent characters swapped', '热烈庆祝中华人民和共国成立', [near(4, '中华人民和共国', '中华人民共和国')]],
    [
      'an omitted character between two names',
      '中华人民共和国务院令',
      [near(0, '中华人民共和国务院', '中华人民共和国国务院')],
    ],
    ['traditional characters fold before comparing', '最高人民檢查院', [near(0, '最高人民檢查院', '最高人民检察院')]],
    ['inserted noise is skipped like the matcher does', '国家监察 委会', [near(0, '国家监察 委会', '国家监察委员会')]],
    ['the last character replaced by a homophone', '国家监察委员汇', [near(0, '国家监察委员汇', '国家监察委员会')]],
    ['offsets count UTF-16 units after an emoji', '🎉中华人民和共国', [near(2, '中华人民和共国', '中华人民共和国')]],
    [
      'a listed wrong form is reported once, as listed',
      '中华人民共合国',
      [{ rule: 'V1.1.PROTECTED_TERM', start: 0, end: 7, text: '中华人民共合国', entry: '中华人民共合国' }],
    ],
    [
      'a listed wrong form and a near-miss elsewhere are both reported',
      '中华人民共合国最高人民检查院',
      [
        near(7, '最高人民检查院', '最高人民检察院'),
        { rule: 'V1.1.PROTECTED_TERM', start: 0, end: 7, text: '中华人民共合国', entry: '中华人民共合国' },
      ],
    ],
  ])('%s', (_, text, expected) => {
    expect(sorted(inPost(text))).toEqual(expected);
  });

  it.each<[string, string]>([
    ['the correct forms', '中华人民共和国国务院办公厅、最高人民法院、最高人民检察院、国家监察委员会'],
    ['traditional correct forms', '中華人民共和國最高人民檢察院'],
    ['a longer name holding a shorter one', '全国人民代表大会常务委员会第十次会议审议通过'],
    ['a name followed by ordinary text', '庆祝中华人民共和国成立75周年'],
    ['a deletion or replacement at the end followed by a valid continuation', '国务院办公会议研究部署'],
    ['a replacement of the last character that does not sound alike', '最高人民检察官'],
    ['a listed wrong form inside its correct name', '中国共产党中央委员会委员'],
    ['names of other organs', '省高级人民法院、市中级人民法院、国家安全委员会、国务院新闻办公室'],
    ['members and sessions', '第十四届全国人民代表大会第二次会议，中央军事委员会委员，国家监察委员会主任'],
    ['abbreviations', '全国人大常委会、全国政协、中央军委'],
    ['the same organ at another administrative level', '全省人民代表大会、全市人民代表大会、全县人民代表大会召开'],
    ['a near-miss split by sentence punctuation', '最高人民，检查院'],
    ['a near-miss split by a line break', '最高人民\n检查院'],
  ])('no finding: %s', (_, text) => {
    expect(inPost(text)).toEqual([]);
  });

  it('evidence names the protected form and marks the variant', () => {
    const [f] = inPost('依法向最高人民检查院提出');
    expect(f).toMatchObject({
      indicatorCode: 'V1.1',
      ruleId: 'V1.1.NEAR_MISS',
      status: 'SUSPECTED',
      isVeto: true,
      points: 0,
    });
    expect(f?.evidence).toMatchObject({
      sourceType: 'POST',
      sourceId: 't',
      field: 'text',
      spanStart: 3,
      spanEnd: 10,
      matchedText: '最高人民检查院',
      lexiconEntry: '最高人民检察院',
      details: { category: 'PROTECTED_TERM', correct: '最高人民检察院', variant: 'NEAR_MISS' },
    });
  });

  it('one finding per item, however many near-misses it holds', () => {
    expect(inPost('最高人民检查院、国家监察委会').map((f) => f.evidence.matchedText)).toEqual(['最高人民检查院']);
  });

  it('an admin registers a protected name by giving it as its own correct form', () => {
    const registered: LexiconDef = {
      code: 'local-organs',
      name: '本地机关名称',
      category: 'PROTECTED_TERM',
      entries: [
        { term: '江川市大数据中心', data: { correct: '江川市大数据中心' } },
        { term: '外交部', data: { correct: '外交部' } },
      ],
    };
    const ctx = context(compileLexicons([...STARTER_LEXICONS, registered]));
    expect(inPost('江川市大数剧中心上线', ctx).map(brief)).toEqual([near(0, '江川市大数剧中心', '江川市大数据中心')]);
    expect(inPost('江川市大数剧中心上线')).toEqual([]);
    expect(inPost('江川市大数据中心上线', ctx)).toEqual([]);
    expect(inPost('外交布', ctx)).toEqual([]);
    expect(inPost('外交部', ctx)).toEqual([]);
  });
});

describe('V1.2 secrecy marks broken over lines', () => {
  const mark = (start: number, text: string) => ({ rule: 'V1.2.SECRECY_MARK', start, end: start + text.length, text });
  it.each<[string, string, ReturnType<typeof mark>[]]>([
    ['a line break between the parts', '内部资料\n注意保存', [mark(0, '内部资料\n注意保存')]],
    ['a star on the next line', '附件1\n机密\n★', [mark(4, '机密\n★')]],
    ['CRLF and indentation', '绝密 \r\n\u3000★启用前', [mark(0, '绝密 \r\n\u3000★')]],
    ['blank lines', '内部文件\n\n\n不得外传', [mark(0, '内部文件\n\n\n不得外传')]],
    ['other punctuation next to the line break', '机密·\n★', []],
    ['a full stop before the line break', '保守机密。\n★号为标注', []],
    ['a long gap on one line is no mark', '机密    ★', []],
  ])('%s', (_, text, expected) => {
    expect(
      inPost(text).map((f) => ({
        rule: f.ruleId,
        start: f.evidence.spanStart,
        end: f.evidence.spanEnd,
        text: f.evidence.matchedText,
      })),
    ).toEqual(expected);
  });

  it.each<[string, string]>([
    ['prohibited text', '有人鼓吹颠覆\n国家政权'],
    ['a listed wrong name', '中华人民\n共合国'],
    ['entertainment', '为歌手打\ncall'],
    ['a typo', '设备按\n装完成'],
    ['forced follows', '请务必\n关注'],
  ])('other categories still stop at a line break: %s', (_, text) => {
    expect(inPost(text)).toEqual([]);
    expect(inPost(text.replace('\n', ''))).not.toEqual([]);
  });
});
