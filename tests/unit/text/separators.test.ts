import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerptAround } from '@/lib/excerpt';
import { compileLexicons, STARTER_LEXICONS } from '@/lib/scoring';
import { Lexicon } from '@/lib/text/lexicon';
import { DEFAULT_MAX_GAP, FOLD_TABLE, isSeparatorMark, MIN_CLAUSE_JOIN_UNITS } from '@/lib/text/normalize';
import { separatorKind } from '@/lib/text/separators';

const TERM = '颠覆国家政权';
const lex = new Lexicon(['颠覆国家政权', '卖鞋', '港外', '加微信'].map((t) => ({ term: t, data: t })));
const spans = (text: string) => lex.search(text).map((m) => `${m.term}@${m.start}-${m.end}`);
/** TERM with `sep` between its first two characters, as the matcher must report it: the whole evasive spelling. */
const split = (sep: string) => `颠${sep}覆国家政权`;

describe('separators that join a term', () => {
  it.each<[string, string]>([
    ['ASCII space', ' '],
    ['tab', '\t'],
    ['no-break space', '\u00a0'],
    ['ideographic (full-width) space', '\u3000'],
    ['thin space', '\u2009'],
    ['narrow no-break space', '\u202f'],
    ['braille blank', '\u2800'],
    ['ASCII asterisk', '*'],
    ['full-width asterisk', '＊'],
    ['ASCII slash', '/'],
    ['full-width slash', '／'],
    ['backslash', '\\'],
    ['full-width backslash', '＼'],
    ['vertical bar', '|'],
    ['full-width vertical bar', '｜'],
    ['broken bar', '¦'],
    ['ASCII full stop', '.'],
    ['full-width full stop', '．'],
    ['hyphen-minus', '-'],
    ['full-width hyphen-minus', '－'],
    ['hyphen', '\u2010'],
    ['en dash', '–'],
    ['minus sign', '−'],
    ['low line', '_'],
    ['full-width low line', '＿'],
    ['tilde', '~'],
    ['full-width tilde', '～'],
    ['wave dash', '〜'],
    ['caret', '^'],
    ['plus', '+'],
    ['equals', '='],
    ['number sign', '#'],
    ['full-width number sign', '＃'],
    ['at sign', '@'],
    ['ampersand', '&'],
    ['percent', '%'],
    ['middle dot', '·'],
    ['bullet', '•'],
    ['hyphenation point', '‧'],
    ['katakana middle dot', '・'],
    ['half-width katakana middle dot', '･'],
    ['bullet operator', '∙'],
    ['dot operator', '⋅'],
    ['word separator middle dot', '⸱'],
    ['reference mark', '※'],
    ['black circle', '●'],
    ['white square', '□'],
    ['heart suit', '♥'],
    ['check mark', '✔'],
    ['arrow', '→'],
    ['multiplication sign', '×'],
    ['emoji', '😀'],
    ['emoji with variation selector', '❤️'],
    ['emoji ZWJ sequence', '👨‍👩‍👧'],
    ['zero-width space', '\u200b'],
    ['zero-width non-joiner', '\u200c'],
    ['zero-width joiner', '\u200d'],
    ['word joiner', '\u2060'],
    ['byte order mark', '\ufeff'],
    ['soft hyphen', '\u00ad'],
    ['left-to-right mark', '\u200e'],
    ['combining long stroke overlay', '\u0336'],
    ['variation selector', '\ufe0f'],
    // Clause punctuation, brackets and quotes: this term is long enough (see the two-character case below).
    ['full-width comma', '，'],
    ['ASCII comma', ','],
    ['ideographic comma', '、'],
    ['full-width semicolon', '；'],
    ['ASCII semicolon', ';'],
    ['full-width colon', '：'],
    ['ASCII colon', ':'],
    ['small comma', '﹐'],
    ['half-width ideographic comma', '､'],
    ['ellipsis', '…'],
    ['em dash', '—'],
    ['double em dash', '——'],
    ['curly quotes', '“'],
    ['corner bracket', '「'],
    ['book title marks', '《'],
    ['full-width parenthesis', '（'],
    ['ASCII parenthesis', '('],
    ['lenticular bracket', '【'],
    ['ASCII double quote', '"'],
    ['ASCII apostrophe', "'"],
    // Runs: up to DEFAULT_MAX_GAP visible separators, any number of invisible ones.
    ['space, slash, space', ' / '],
    ['three zero-width spaces', '\u200b\u200b\u200b\u200b\u200b'],
    ['comma and space', '， '],
  ])('%s', (_, sep) => {
    const text = `有人${split(sep)}！`;
    expect(spans(text)).toEqual([`${TERM}@2-${2 + split(sep).length}`]);
  });

  it('every listed separator is classified as one, full-width forms like their ASCII counterparts', () => {
    for (const c of '／＊，．：；（）｜＼～＃＠＆％＋＝') {
      expect(separatorKind(c.charCodeAt(0)), c).toBe(separatorKind(c.charCodeAt(0) - 0xfee0));
    }
    expect(separatorKind('，'.charCodeAt(0))).toBe('CLAUSE');
    expect(separatorKind('·'.charCodeAt(0))).toBe('SOFT');
    expect(separatorKind('\u200b'.charCodeAt(0))).toBe('INVISIBLE');
    expect(separatorKind('。'.charCodeAt(0))).toBe('SENTENCE');
  });
});

describe('what never joins a term', () => {
  it.each<[string, string]>([
    ['an ASCII letter', 'a'],
    ['a full-width letter', 'Ａ'],
    ['a Greek letter', 'α'],
    ['an ASCII digit', '1'],
    ['a full-width digit', '１'],
    ['a circled digit', '①'],
    ['a dingbat digit', '❶'],
    ['a Chinese numeral zero', '〇'],
    ['a CJK character', '的'],
    ['an ideograph outside the BMP', '𠀀'],
    ['kana', 'あ'],
    ['hangul', '한'],
    ['the iteration mark', '々'],
    ['a star (secrecy marks use it)', '★'],
    ['a white star', '☆'],
    ['the replacement character', '\ufffd'],
    ['an ideographic full stop', '。'],
    ['a full-width exclamation mark', '！'],
    ['a full-width question mark', '？'],
    ['an ASCII exclamation mark', '!'],
    ['an ASCII question mark', '?'],
    ['a line feed', '\n'],
    ['a carriage return', '\r'],
    ['a line separator', '\u2028'],
    ['a double exclamation mark', '‼'],
    ['a noncharacter used as an internal mark', '\ufdd0'],
    ['too many visible separators', ' // '],
    ['too many emoji', '😀😀😀😀'],
  ])('%s', (_, sep) => {
    expect(spans(split(sep))).toEqual([]);
  });

  it('clause punctuation does not join a two-character term, but joins longer ones', () => {
    expect(MIN_CLAUSE_JOIN_UNITS).toBe(3);
    expect(spans('离港，外出')).toEqual([]);
    expect(spans('不卖、鞋子')).toEqual([]);
    expect(spans('卖（鞋）')).toEqual([]);
    expect(spans('卖·鞋')).toEqual(['卖鞋@0-3']);
    expect(spans('请加，微，信')).toEqual(['加微信@1-6']);
    // A two-character term after the clause separator is still found.
    expect(spans('港，卖鞋')).toEqual(['卖鞋@2-4']);
  });
});

describe('spans and highlighting', () => {
  it('the evidence excerpt highlights the whole evasive spelling in the original text', () => {
    const text = `据悉，有人在境外网站鼓吹颠／覆‧国•家，政　权等言论，请勿转发。`;
    const [m] = lex.search(text);
    expect(text.slice(m?.start, m?.end)).toBe('颠／覆‧国•家，政　权');
    const ex = excerptAround(text, m?.start ?? null, m?.end ?? null, 4);
    expect(ex.excerpt.slice(ex.spanStart ?? 0, ex.spanEnd ?? 0)).toBe('颠／覆‧国•家，政　权');
  });
});

/** Every separator of the set, by kind, for the properties below. */
const byKind = (kind: string) =>
  Array.from({ length: 65536 }, (_, u) => u)
    .filter((u) => separatorKind(u) === kind && (u < 0xd800 || u > 0xdfff))
    .map((u) => String.fromCharCode(u));
// Single-code-point emoji: a flag or a skin-tone modifier is two emoji, two visible units.
const SOFT = [...byKind('SOFT'), '😀', '🚫', '❤️'];
const CLAUSE = byKind('CLAUSE');
const INVISIBLE = byKind('INVISIBLE');

/** A run between two characters: invisible units anywhere, at most DEFAULT_MAX_GAP visible ones (clause only if allowed). */
const run = (clauseAllowed: boolean) =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...(clauseAllowed ? [...SOFT, ...CLAUSE] : SOFT)), { maxLength: DEFAULT_MAX_GAP }),
      fc.array(fc.constantFrom(...INVISIBLE), { maxLength: 3 }),
    )
    .map(([visible, invisible]) => {
      const out = [...visible];
      invisible.forEach((u, k) => out.splice(k % (out.length + 1), 0, u));
      return out.join('');
    });

/** A lexicon term's characters, without the separators some terms carry ("内部资料 注意保存"). */
const contentOf = (term: string) => [...term].filter((c) => !isSeparatorMark(FOLD_TABLE[c.charCodeAt(0)] as number));
const STARTER_TERMS = [
  ...new Set(
    STARTER_LEXICONS.filter((l) => l.category !== 'PROHIBITED_DOMAIN').flatMap((l) => l.entries.map((e) => e.term)),
  ),
];
const starter = new Lexicon(STARTER_TERMS.map((t) => ({ term: t, data: t })));
const context = fc.string({ unit: fc.constantFrom(...'今天发布通知，请大家关注。ab12 '), maxLength: 8 });

function evasive(term: string, runs: string[]): string {
  const chars = contentOf(term);
  return chars.map((c, i) => (i + 1 < chars.length ? c + runs[i % runs.length] : c)).join('');
}

describe('properties (fast-check)', () => {
  it('any starter lexicon term with allowed separators inserted is found with its span in the original text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STARTER_TERMS),
        fc.array(run(true), { minLength: 1, maxLength: 20 }),
        fc.array(run(false), { minLength: 1, maxLength: 20 }),
        context,
        context,
        (term, longRuns, shortRuns, before, after) => {
          const units = contentOf(term).length;
          const middle = evasive(term, units >= MIN_CLAUSE_JOIN_UNITS ? longRuns : shortRuns);
          const text = `${before}${middle}${after}`;
          const found = starter.search(text).filter((m) => m.term === term);
          expect(found.map((m) => [m.start, m.end])).toContainEqual([before.length, before.length + middle.length]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('the real matcher (compiled starter lexicons) finds evasive V1.3 and advertisement terms with their spans', () => {
    const { matcher } = compileLexicons(STARTER_LEXICONS);
    const terms = STARTER_LEXICONS.filter(
      (l) => l.category === 'PROHIBITED' || l.category === 'COMMERCIAL_SPAM',
    ).flatMap((l) => l.entries.map((e) => e.term));
    fc.assert(
      fc.property(
        fc.constantFrom(...terms),
        fc.array(run(true), { minLength: 1, maxLength: 8 }),
        fc.array(run(false), { minLength: 1, maxLength: 8 }),
        context,
        context,
        (term, longRuns, shortRuns, before, after) => {
          const middle = evasive(term, contentOf(term).length >= MIN_CLAUSE_JOIN_UNITS ? longRuns : shortRuns);
          const found = matcher.search(`${before}${middle}${after}`).filter((m) => m.term === term);
          expect(found.map((m) => [m.start, m.end])).toContainEqual([before.length, before.length + middle.length]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a content character inserted into a term always breaks it', () => {
    const content = fc.constantFrom(...'的a1Ａ１①〇★。！？\n');
    fc.assert(
      fc.property(
        fc.constantFrom(...STARTER_TERMS.filter((t) => contentOf(t).length >= 2)),
        content,
        fc.nat(),
        (term, c, at) => {
          const chars = contentOf(term);
          const k = 1 + (at % (chars.length - 1));
          const text = [...chars.slice(0, k), c, ...chars.slice(k)].join('');
          expect(starter.search(text).filter((m) => m.term === term && m.start === 0 && m.end === text.length)).toEqual(
            [],
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});
