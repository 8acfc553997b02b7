import { describe, expect, it } from 'vitest';
import { createRandom } from '@/lib/random';
import { homophoneUnit, syllableOf } from '@/lib/text/homophone';
import { Lexicon, MatchBuffer } from '@/lib/text/lexicon';

const spans = (lex: Lexicon<string>, text: string) => lex.search(text).map((m) => `${m.term}@${m.start}-${m.end}`);

describe('Lexicon', () => {
  it('finds overlapping and nested terms with original offsets', () => {
    const lex = new Lexicon(['he', 'she', 'his', 'hers', '安全', '安全带'].map((t) => ({ term: t, data: t })));
    expect(spans(lex, 'ushers')).toEqual(['she@1-4', 'he@2-4', 'hers@2-6']);
    expect(spans(lex, '系好安全带')).toEqual(['安全@2-4', '安全带@2-5']);
  });

  it('matches traditional script and inserted noise but not across sentence punctuation', () => {
    const lex = new Lexicon(['卖鞋', '代购', '加微信', '港外'].map((t) => ({ term: t, data: t })));
    expect(spans(lex, '本店賣鞋')).toEqual(['卖鞋@2-4']);
    expect(spans(lex, '卖 鞋，代.购，加微-信')).toEqual(['卖鞋@0-3', '代购@4-7', '加微信@8-12']);
    expect(spans(lex, '离港，外出')).toEqual([]);
  });

  it('keeps every entry of a duplicated term', () => {
    const lex = new Lexicon([
      { term: '打call', data: 'a' },
      { term: '打CALL', data: 'b' },
    ]);
    expect(
      lex
        .search('为他打Call')
        .map((m) => m.entry)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('agrees with a naive indexOf reference on random text (no folding, no noise)', () => {
    const r = createRandom(7);
    const alphabet = 'abcde甲乙丙😀';
    const word = (n: number) => Array.from({ length: n }, () => r.pick([...alphabet])).join('');
    for (let round = 0; round < 200; round += 1) {
      const terms = [...new Set(Array.from({ length: 8 }, () => word(r.int(1, 3))))];
      const text = word(r.int(0, 40));
      const lex = new Lexicon(
        terms.map((t) => ({ term: t, data: t })),
        { fold: false, maxGap: 0 },
      );
      const expected: string[] = [];
      for (const t of terms)
        for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1)) expected.push(`${t}@${i}-${i + t.length}`);
      expect(spans(lex, text).sort()).toEqual(expected.sort());
    }
  });
});

describe('Lexicon.scan', () => {
  it('appends matches to a reusable buffer that grows past its initial capacity', () => {
    const lex = new Lexicon([
      { term: '鞋', data: 1 },
      { term: '卖鞋', data: 2 },
    ]);
    const buf = new MatchBuffer();
    const text = '卖鞋'.repeat(100);
    expect(lex.scan(text, buf)).toBe(200);
    expect(lex.scan('卖 鞋', buf)).toBe(2);
    expect(buf.length).toBe(202);
    const last = [buf.ids[200], buf.starts[200], buf.ends[200], buf.ids[201], buf.starts[201], buf.ends[201]];
    expect(last.sort()).toEqual([0, 0, 1, 2, 3, 3].sort());
  });

  it('ignores noise at the start of the automaton and resets after more than maxGap noise units', () => {
    const lex = new Lexicon([{ term: '代购', data: 1 }], { maxGap: 2 });
    expect(lex.count('**代购')).toBe(1);
    expect(lex.count('代**购')).toBe(1);
    expect(lex.count('代***购')).toBe(0);
  });
});

describe('homophone matching', () => {
  const lex = new Lexicon(
    [
      { term: '加微信', data: 1 },
      { term: '卖鞋子', data: 2 },
    ],
    { unitMap: homophoneUnit },
  );

  it('matches homophone substitutions of evasion terms with original offsets', () => {
    expect(spans(lex as unknown as Lexicon<string>, '私聊加威信，麦鞋子')).toEqual(['加微信@2-5', '卖鞋子@6-9']);
    expect(syllableOf('威')).toBe('wei');
    expect(syllableOf('微')).toBe('wei');
  });

  it('still folds traditional script and skips noise, and does not match different syllables', () => {
    expect(lex.count('加 薇 信')).toBe(1);
    expect(lex.count('賣鞋子')).toBe(1);
    expect(lex.count('加微博')).toBe(0);
  });
});
