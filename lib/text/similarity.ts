import { foldTerm } from './normalize';

/**
 * Numeral forms folded to one reading for name comparison (after foldTerm, so traditional 貳/陸 are already
 * 贰/陆 and full-width ０-９ already 0-9): financial numerals 大写 (壹贰叁肆伍陆柒捌玖拾佰仟), 〇, digits,
 * circled and Roman numerals. A counterfeit "壹网通办" reads exactly like "一网通办".
 */
const NUMERAL_FORMS: Array<[string, string]> = [
  ['零〇0⓪', '零'],
  ['一壹1①❶➀➊Ⅰⅰ', '一'],
  ['二贰弍2②❷➁➋Ⅱⅱ', '二'],
  ['三叁弎3③❸➂➌Ⅲⅲ', '三'],
  ['四肆4④❹➃➍Ⅳⅳ', '四'],
  ['五伍5⑤❺➄➎Ⅴⅴ', '五'],
  ['六陆6⑥❻➅➏Ⅵⅵ', '六'],
  ['七柒7⑦❼➆➐Ⅶⅶ', '七'],
  ['八捌8⑧❽➇➑Ⅷⅷ', '八'],
  ['九玖9⑨❾➈➒Ⅸⅸ', '九'],
  ['十拾⑩❿➉➓Ⅹⅹ', '十'],
  ['百佰', '百'],
  ['千仟', '千'],
  ['弌', '一'],
];
const NUMERAL_FOLD = new Map<string, string>(
  NUMERAL_FORMS.flatMap(([forms, to]) => [...forms].map((f): [string, string] => [f, to])),
);

/** A name as compared for look-alikes: foldTerm (traditional→simplified, width, case, no separators), then numerals. */
export function foldName(name: string): string {
  let out = '';
  for (const ch of foldTerm(name)) out += NUMERAL_FOLD.get(ch) ?? ch;
  return out;
}

const bigrams = (s: string): string[] =>
  s.length < 2 ? [s] : Array.from({ length: s.length - 1 }, (_, i) => s.slice(i, i + 2));

/**
 * Look-alike app names: the share of the shorter name's character bigrams found in the longer one
 * (containment, not Dice), so "江川市民通" vs "江川市民通官方版" scores 1.0 while unrelated names stay low.
 * Both names are folded by foldName first, so variant characters and numerals do not lower the score.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = foldName(a);
  const y = foldName(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const pool = bigrams(long);
  let hits = 0;
  for (const g of bigrams(short)) {
    const i = pool.indexOf(g);
    if (i >= 0) {
      hits += 1;
      pool.splice(i, 1);
    }
  }
  return hits / bigrams(short).length;
}

/** Dice coefficient over character bigrams of folded, noise-free text: 1 for equal texts, near 0 for unrelated ones. */
export function textSimilarity(a: string, b: string): number {
  const x = bigrams(foldTerm(a));
  const y = bigrams(foldTerm(b));
  if (x.length === 0 || y.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of y) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared += 1;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}
