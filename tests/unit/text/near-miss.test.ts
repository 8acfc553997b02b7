import { describe, expect, it } from 'vitest';
import { createRandom } from '@/lib/random';
import { homophoneUnit } from '@/lib/text/homophone';
import { NearMissIndex } from '@/lib/text/near-miss';
import { splitOnlyByLineBreaks } from '@/lib/text/normalize';

const misses = (index: NearMissIndex, text: string) =>
  index.find(text).nearMisses.map((m) => `${m.form}@${m.start}-${m.end}`);

/** Optimal string alignment distance (Damerau with adjacent swaps). */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = d[i] as number[];
      row[j] = Math.min(
        (d[i - 1] as number[])[j]! + 1,
        row[j - 1]! + 1,
        (d[i - 1] as number[])[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j]!, (d[i - 2] as number[])[j - 2]! + 1);
    }
  }
  return (d[a.length] as number[])[b.length]!;
}

const isSwap = (span: string, form: string) =>
  span.length === form.length &&
  [...form].some(
    (_, i) => i + 1 < form.length && span === form.slice(0, i) + form[i + 1] + form[i] + form.slice(i + 2),
  );

/** Spans one edit away that keep the form's first and last unit (or swap two units), away from exact occurrences. */
function reference(forms: string[], text: string): string[] {
  const exact = forms.flatMap((f) =>
    [...text.matchAll(new RegExp(f, 'g'))].map((m) => ({ f, start: m.index, end: m.index + f.length })),
  );
  const out: string[] = [];
  for (const f of forms) {
    for (let s = 0; s < text.length; s += 1) {
      for (let len = f.length - 1; len <= f.length + 1 && s + len <= text.length; len += 1) {
        const span = text.slice(s, s + len);
        const ends = span[0] === f[0] && span[span.length - 1] === f[f.length - 1];
        if (osa(span, f) !== 1 || !(ends || isSwap(span, f))) continue;
        const end = s + len;
        if (exact.some((e) => (e.f === f ? e.start < end && s < e.end : e.start <= s && end <= e.end))) continue;
        out.push(`${f}@${s}-${end}`);
      }
    }
  }
  return out;
}

const parse = (m: string) => {
  const [form, span] = m.split('@') as [string, string];
  const [start, end] = span.split('-').map(Number) as [number, number];
  return { form, start, end };
};
const overlapsSameForm = (a: string, b: string) => {
  const [x, y] = [parse(a), parse(b)];
  return x.form === y.form && x.start < y.end && y.start < x.end;
};

describe('NearMissIndex', () => {
  const index = new NearMissIndex(['国务院办公厅', '中华人民共和国', '全国人民代表大会', '全国人民代表大会常务委员会']);

  it.each<[string, string, string[]]>([
    ['substitution', '国务院办工厅', ['国务院办公厅@0-6']],
    ['insertion', '国务院的办公厅', ['国务院办公厅@0-7']],
    ['deletion', '国务办公厅', ['国务院办公厅@0-5']],
    ['swap', '国务院公办厅', ['国务院办公厅@0-6']],
    ['swap of the last two', '国务院办厅公', ['国务院办公厅@0-6']],
    ['homophone at the end', '国务院办公听', ['国务院办公厅@0-6']],
    ['other replacement at the end', '国务院办公室', []],
    ['replacement at the start', '省务院办公厅', []],
    ['deletion at the end', '国务院办公楼', []],
    ['deletion at the start', '务院办公厅', []],
    ['a name followed by text is no insertion', '中华人民共和国成立', []],
    ['a longer name', '全国人民代表大会常务委员会', []],
    ['a suffix of a name is no deletion', '中华人民共和国', []],
    ['noise inside', '国务-院办工厅', ['国务院办公厅@0-7']],
    ['too much noise', '国务院 -- 办工厅', []],
  ])('%s', (_, text, expected) => {
    expect(misses(index, text)).toEqual(expected);
  });

  it('reports exact occurrences with original offsets', () => {
    expect(index.find('🎉中華人民共和國').occurrences).toEqual([{ form: '中华人民共和国', start: 2, end: 9 }]);
    expect(new NearMissIndex(['外交部', '人民']).size).toBe(0);
  });

  it('a correctly written name is no near-miss of a similar protected name', () => {
    const similar = new NearMissIndex(['江川市大数据中心', '江川市数据中心']);
    expect(misses(similar, '江川市数据中心')).toEqual([]);
    expect(misses(similar, '江川市大数剧中心')).toEqual(['江川市大数据中心@0-8']);
  });

  it('agrees with a naive reference on random text', () => {
    const r = createRandom(11);
    const forms = ['甲乙丙丁戊', '子丑寅卯辰巳', '乙丙丁戊己庚', '甲乙丁丙戊'];
    const alphabet = [...new Set([...forms.join(''), '天', '地'])];
    const ends = new Set(
      forms.flatMap((f) => [f[0], f[f.length - 1]]).map((c) => homophoneUnit((c as string).charCodeAt(0))),
    );
    expect(
      alphabet.filter(
        (c) => ends.has(homophoneUnit(c.charCodeAt(0))) && !forms.some((f) => f[0] === c || f[f.length - 1] === c),
      ),
    ).toEqual([]);
    const idx = new NearMissIndex(forms);
    let reported = 0;
    for (let k = 0; k < 3000; k += 1) {
      const base = r.pick(forms);
      const text =
        Array.from({ length: r.int(0, 3) }, () => r.pick(alphabet)).join('') +
        mutate(base, r) +
        Array.from({ length: r.int(0, 3) }, () => r.pick(alphabet)).join('');
      const got = misses(idx, text);
      const expected = reference(forms, text);
      expect(
        got.filter((m) => !expected.includes(m)),
        text,
      ).toEqual([]);
      expect(
        expected.filter((m) => !got.some((g) => overlapsSameForm(g, m))),
        text,
      ).toEqual([]);
      reported += got.length;
    }
    expect(reported).toBeGreaterThan(1000);

    function mutate(form: string, rr: typeof r): string {
      const i = rr.int(0, form.length - 1);
      const c = rr.pick(alphabet);
      switch (rr.int(0, 4)) {
        case 0:
          return form.slice(0, i) + c + form.slice(i + 1);
        case 1:
          return form.slice(0, i) + c + form.slice(i);
        case 2:
          return form.slice(0, i) + form.slice(i + 1);
        case 3:
          return i + 1 < form.length ? form.slice(0, i) + form[i + 1] + form[i] + form.slice(i + 2) : form;
        default:
          return form;
      }
    }
  });
});

describe('splitOnlyByLineBreaks', () => {
  it.each<[string, string, boolean]>([
    ['a line break', '机密\n★', true],
    ['whitespace and blank lines around it', '机密 \r\n\u3000\n ★', true],
    ['no line break', '机密 ★', false],
    ['soft noise beside the line break', '机密·\n★', false],
    ['a zero-width space beside the line break', '机密\u200b\n★', false],
    ['a long gap on one line elsewhere', '内部资料   \n注意保存', true],
    ['a long gap without a line break', '内部 资料\n注意   保存', false],
  ])('%s', (_, text, expected) => {
    expect(splitOnlyByLineBreaks(text, 0, text.length)).toBe(expected);
  });
});
