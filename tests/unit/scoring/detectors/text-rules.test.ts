import { describe, expect, it } from 'vitest';
import { detectTextRules } from '@/lib/scoring/detectors/text-rules';
import { cloneEdition, NATIONAL_2019, type CommentFact, type Finding, type PostFact } from '@/lib/scoring';
import { ago, AT, comment, context, history, post, question, reply } from './fixture';

const { D2, D3, D5, D9 } = NATIONAL_2019;
const inPost = (text: string, over: Partial<PostFact> = {}) =>
  detectTextRules(history({ posts: [post('t', { text, ...over })] }), context()).findings;
const inComments = (comments: CommentFact[]) => detectTextRules(history({ posts: [], comments }), context()).findings;
const brief = (f: Finding) => ({
  rule: f.ruleId,
  points: f.points,
  start: f.evidence.spanStart,
  end: f.evidence.spanEnd,
  text: f.evidence.matchedText,
});

type Case = [string, string, { rule: string; points: number; start: number; end: number; text: string }[]];

describe('text rules on the account’s own posts', () => {
  it.each<Case>([
    // V1.1: the lexicon lists near-misses of protected names with their correct form.
    [
      'V1.1 near-miss of a protected name',
      '热烈庆祝中华人民共合国成立77周年',
      [{ rule: 'V1.1.PROTECTED_TERM', points: 0, start: 4, end: 11, text: '中华人民共合国' }],
    ],
    [
      'V1.1 near-miss split by a space',
      '中华人民 共合国',
      [{ rule: 'V1.1.PROTECTED_TERM', points: 0, start: 0, end: 8, text: '中华人民 共合国' }],
    ],
    ['V1.1 the correct forms are not hits', '中华人民共和国国务院办公厅、全国人民代表大会', []],
    ['V1.2 secrecy mark', '绝密★启用前', [{ rule: 'V1.2.SECRECY_MARK', points: 0, start: 0, end: 3, text: '绝密★' }]],
    [
      'V1.2 marking with the space dropped',
      '附件：内部资料注意保存',
      [{ rule: 'V1.2.SECRECY_MARK', points: 0, start: 3, end: 11, text: '内部资料注意保存' }],
    ],
    ['V1.2 the word 秘密 without a marking', '保守国家秘密是每个公民的义务', []],
    [
      'V1.3 prohibited text',
      '有人鼓吹颠覆国家政权',
      [{ rule: 'V1.3.PROHIBITED_TEXT', points: 0, start: 4, end: 10, text: '颠覆国家政权' }],
    ],
    [
      'V1.3 traditional characters',
      '顛覆國家政權',
      [{ rule: 'V1.3.PROHIBITED_TEXT', points: 0, start: 0, end: 6, text: '顛覆國家政權' }],
    ],
    [
      'V1.3 inserted spaces and punctuation',
      '颠 覆·国家政权',
      [{ rule: 'V1.3.PROHIBITED_TEXT', points: 0, start: 0, end: 8, text: '颠 覆·国家政权' }],
    ],
    [
      'V1.3 offsets count UTF-16 units after an emoji',
      '🎉颠覆国家政权',
      [{ rule: 'V1.3.PROHIBITED_TEXT', points: 0, start: 2, end: 8, text: '颠覆国家政权' }],
    ],
    [
      'D3 off-mission entertainment (G1)',
      '为某嘻哈歌手打call！',
      [{ rule: 'D3.ENTERTAINMENT', points: D3.entertainmentPoints, start: 6, end: 11, text: '打call' }],
    ],
    [
      'D3 entertainment in upper case',
      '一起为家乡打CALL',
      [{ rule: 'D3.ENTERTAINMENT', points: D3.entertainmentPoints, start: 5, end: 10, text: '打CALL' }],
    ],
    [
      'D3 insult, twice in one item, is one finding (G2)',
      '你最好永远别来！有你不多无你不少！',
      [{ rule: 'D3.INSULT', points: D3.insultPoints, start: 0, end: 7, text: '你最好永远别来' }],
    ],
    [
      'D3 emotional statement (G4)',
      '以此为准…之前那个小编已经拜拜了',
      [
        { rule: 'D2.CORRECTION', points: D2.correctionPoints, start: 0, end: 4, text: '以此为准' },
        { rule: 'D3.EMOTIONAL', points: D3.insultPoints, start: 9, end: 16, text: '小编已经拜拜了' },
      ],
    ],
    [
      'D3 commercial advertisement',
      '精仿运动鞋，全场包邮',
      [{ rule: 'D3.ADVERTISEMENT', points: D3.adPoints, start: 0, end: 2, text: '精仿' }],
    ],
    [
      'D9 forced follow, three terms, one finding (G11)',
      '请各村务必关注并截图反馈，完成100条下载任务',
      [{ rule: 'D9.FORCED_FOLLOW', points: D9.forcedFollowPoints, start: 3, end: 7, text: '务必关注' }],
    ],
    ['D2 typo', '新院区设备按装完成', [{ rule: 'D2.TYPO', points: D2.typoPoints, start: 5, end: 7, text: '按装' }]],
    [
      'D2 correction wording',
      '特此更正，给大家带来不便',
      [{ rule: 'D2.CORRECTION', points: D2.correctionPoints, start: 0, end: 4, text: '特此更正' }],
    ],
    ['D5 canned wording in a post is not a reply', '你不说话没人把你当哑巴', []],
    ['ordinary text', '今天上午召开全县安全生产工作会议', []],
  ])('%s', (_, text, expected) => {
    const found = inPost(text);
    expect(found.map(brief).sort((a, b) => a.rule.localeCompare(b.rule))).toEqual(expected);
    for (const f of found)
      expect(f).toMatchObject({
        status: 'SUSPECTED',
        isVeto: f.indicatorCode.startsWith('V'),
        evidence: { sourceType: 'POST', sourceId: 't', field: 'text' },
      });
  });

  it('evidence names the item, the lexicon entry and the correct form', () => {
    const [f] = inPost('再接再励，勇创佳绩');
    expect(f?.evidence).toMatchObject({
      sourceType: 'POST',
      sourceId: 't',
      platformId: 'wb-t',
      url: 'https://weibo.example/t',
      publishedAt: ago(1),
      field: 'text',
      spanStart: 0,
      spanEnd: 4,
      matchedText: '再接再励',
      lexiconEntry: '再接再励',
      details: { category: 'TYPO', correct: '再接再厉' },
    });
    expect(inPost('庆祝中华人民共合国成立')[0]?.evidence.details).toMatchObject({
      category: 'PROTECTED_TERM',
      correct: '中华人民共和国',
    });
  });

  it.each<[string, string, string, string]>([
    ['加微信 written 加威信', '私聊加威信，低价出受名牌', 'D3.ADVERTISEMENT', '加威信'],
    ['务必关注 written 务必观注', '请务必观注本号', 'D9.FORCED_FOLLOW', '务必观注'],
  ])('homophone evasion: %s is found and marked', (_, text, rule, matched) => {
    const found = inPost(text).filter((f) => f.ruleId === rule);
    expect(found.map((f) => [f.evidence.matchedText, f.evidence.details.variant])).toEqual([[matched, 'HOMOPHONE']]);
  });

  it('homophone folding does not hit ordinary words (加强威信建设)', () => {
    expect(inPost('加强威信建设，提高公信力')).toEqual([]);
  });

  it('each distinct typo counts (−1 each), a repeated one once; other rules count once per item', () => {
    expect(inPost('既使困难，也要一股作气，既使再难').map((f) => [f.ruleId, f.evidence.matchedText])).toEqual([
      ['D2.TYPO', '既使'],
      ['D2.TYPO', '一股作气'],
    ]);
    const titled = inPost('设备按装完成', { title: '再接再励，按装' });
    expect(titled.map((f) => [f.ruleId, f.evidence.field, f.evidence.matchedText])).toEqual([
      ['D2.TYPO', 'title', '再接再励'],
      ['D2.TYPO', 'title', '按装'],
    ]);
    expect(inPost('打call打call，追星打call').filter((f) => f.ruleId === 'D3.ENTERTAINMENT')).toHaveLength(1);
    const twoPosts = detectTextRules(
      history({ posts: [post('a', { text: '按装' }), post('b', { text: '按装' })] }),
      context(),
    ).findings;
    expect(twoPosts.map((f) => f.evidence.sourceId)).toEqual(['a', 'b']);
  });

  it('G5: a repost of prohibited content is found in the reposted text', () => {
    const found = inPost('转发微博', { isRepost: true, repostOfText: '//@某人: 鼓吹分裂国家' });
    expect(found.map((f) => [f.ruleId, f.evidence.field, f.evidence.spanStart, f.evidence.spanEnd])).toEqual([
      ['V1.3.PROHIBITED_TEXT', 'repostOfText', 9, 13],
    ]);
  });

  it('only items inside the content window are scanned; the edition sets the window', () => {
    const days = NATIONAL_2019.contentWindowDays;
    const posts = [
      post('old', { text: '按装', publishedAt: ago(days + 1) }),
      post('edge', { text: '按装', publishedAt: ago(days) }),
      post('in', { text: '按装', publishedAt: ago(40) }),
    ];
    expect(detectTextRules(history({ posts }), context()).findings.map((f) => f.evidence.sourceId)).toEqual(['in']);
    const month = cloneEdition(NATIONAL_2019, { code: 'month', contentWindowDays: 30, D2: { typoPoints: 2 } });
    expect(detectTextRules(history({ posts }), context({ edition: month })).findings).toEqual([]);
    expect(
      detectTextRules(history({ posts: [post('p', { text: '按装' })] }), context({ edition: month })).findings.map(
        (f) => f.points,
      ),
    ).toEqual([2]);
  });
});

describe('text rules on replies', () => {
  const asked = question('q', ago(2), '请问几点开门？');
  it.each<[string, CommentFact[], [string, number][]]>([
    [
      'G3 canned robot reply',
      [asked, reply('r', asked, ago(1.9), '你不说话没人把你当哑巴')],
      [['D5.INAPPROPRIATE_REPLY', D5.inappropriatePoints]],
    ],
    [
      'G2 insulting reply',
      [asked, reply('r', asked, ago(1.9), '你最好永远别来！有你不多无你不少！')],
      [['D3.INSULT', D3.insultPoints]],
    ],
    ['an insult by a citizen is not the account’s', [comment('c', { text: '脑子进水了吧' })], []],
    ['correction wording in a reply is not a D2 correction', [asked, reply('r', asked, ago(1.9), '以此为准')], []],
    [
      'a reply after the monitoring date is ignored',
      [asked, reply('r', asked, new Date(AT.getTime() + 60_000), '关你什么事')],
      [],
    ],
  ])('%s', (_, comments, expected) => {
    const found = inComments(comments);
    expect(found.map((f) => [f.ruleId, f.points])).toEqual(expected);
    for (const f of found)
      expect(f.evidence).toMatchObject({ sourceType: 'COMMENT', sourceId: 'r', field: 'text', spanStart: 0 });
  });
});

describe('V1.3 prohibited link domains', () => {
  it.each<[string, string[], string[]]>([
    ['the listed domain', ['https://example-prohibited.invalid/a'], ['example-prohibited.invalid']],
    ['a subdomain', ['http://www.example-prohibited.invalid/a?b=1'], ['example-prohibited.invalid']],
    ['upper-case host', ['HTTPS://WWW.EXAMPLE-PROHIBITED.INVALID/'], ['example-prohibited.invalid']],
    ['a look-alike suffix is another domain', ['https://notexample-prohibited.invalid/'], []],
    ['the domain as a subdomain of another site', ['https://example-prohibited.invalid.gov.example/'], []],
    ['the domain only in the path', ['https://gov.example/example-prohibited.invalid'], []],
    ['an unparsable link', ['example-prohibited.invalid'], []],
  ])('%s', (_, links, expected) => {
    const found = inPost('详见链接', { links });
    expect(found.map((f) => f.evidence.lexiconEntry)).toEqual(expected);
    for (const f of found)
      expect(f).toMatchObject({
        ruleId: 'V1.3.PROHIBITED_LINK',
        status: 'SUSPECTED',
        isVeto: true,
        evidence: { sourceId: 't', matchedText: links[0] },
      });
  });

  it('one finding per item even with several blocked links', () => {
    const found = inPost('详见链接', {
      links: [
        'https://example-prohibited.invalid/a',
        'https://m.example-prohibited.invalid/b',
        'https://example-prohibited.invalid/a',
      ],
    });
    expect(found.map((f) => [f.ruleId, f.evidence.matchedText, f.evidence.details.blockedLinks])).toEqual([
      ['V1.3.PROHIBITED_LINK', 'https://example-prohibited.invalid/a', 2],
    ]);
  });
});
