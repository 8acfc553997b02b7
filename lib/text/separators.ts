/**
 * Which code units may sit between the characters of a lexicon term without breaking it (docs/text-analysis.md).
 * Everything not listed here is content: letters of any script, digits (ASCII, full-width, circled), CJK
 * ideographs, kana, and the few symbols that carry meaning in our lexicons (★☆ of secrecy marks, 〇, 々).
 * A content unit that is in no term resets the match; so does a sentence end.
 */

/** Kinds of separator, weakest first. */
export type SeparatorKind = 'INVISIBLE' | 'SOFT' | 'CLAUSE' | 'SENTENCE';

/** Zero-width and format characters, combining marks, variation selectors: skipped and not counted. */
const INVISIBLE_RANGES: Array<[number, number]> = [
  [0x00ad, 0x00ad],
  [0x0300, 0x036f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0x20d0, 0x20ff],
  [0x302a, 0x302f],
  [0x3099, 0x309a],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfe20, 0xfe2f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff9, 0xfffb],
  // Low surrogates: the high surrogate before one decides (an emoji is one soft unit, not two).
  [0xdc00, 0xdfff],
  // Plane 14 (tags, variation selectors supplement) behind its high surrogate.
  [0xdb40, 0xdb40],
];

/** Spaces, light punctuation, interpuncts, dashes, slashes, symbols and emoji: skipped, counted against maxGap. */
const SOFT_RANGES: Array<[number, number]> = [
  [0x0009, 0x0009],
  [0x0020, 0x0020],
  [0x00a0, 0x00a0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x2800, 0x2800],
  [0x3000, 0x3000],
  // Latin-1 symbols: ¢£¤¥¦§¨© ¬®¯°±´¶·¸ × ÷
  [0x00a2, 0x00a9],
  [0x00ac, 0x00ac],
  [0x00ae, 0x00b1],
  [0x00b4, 0x00b4],
  [0x00b6, 0x00b8],
  [0x00d7, 0x00d7],
  [0x00f7, 0x00f7],
  // General punctuation (quotes, dashes, ellipsis and sentence marks are overridden below).
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  // Arrows, mathematical operators (∙ ⋅ ∗ ∕), technical symbols, box drawing, blocks, geometric shapes,
  // miscellaneous symbols, dingbats (their digits are content again below), more arrows and symbols.
  [0x2190, 0x23ff],
  [0x2500, 0x27bf],
  [0x2b00, 0x2bff],
  // Supplemental punctuation (⸱ word separator middle dot …), except ⸯ, a letter modifier.
  [0x2e00, 0x2e2e],
  [0x2e30, 0x2e7f],
  // CJK symbols: 〃〄 〒〓 〜 〠 〰 〶〷 〽〾〿
  [0x3003, 0x3004],
  [0x3012, 0x3013],
  [0x301c, 0x301c],
  [0x3020, 0x3020],
  [0x3030, 0x3030],
  [0x3036, 0x3037],
  [0x303d, 0x303f],
  // Katakana middle dot ・ and its half-width form ･.
  [0x30fb, 0x30fb],
  [0xff65, 0xff65],
  // Vertical and small forms of light punctuation, full-width symbols ￠￡￢￣￤￥￦ and half-width forms.
  [0xfe30, 0xfe30],
  [0xfe33, 0xfe34],
  [0xfe45, 0xfe46],
  [0xfe49, 0xfe4f],
  [0xfe52, 0xfe52],
  [0xfe58, 0xfe58],
  [0xfe5f, 0xfe63],
  [0xfe66, 0xfe6b],
  [0xffe0, 0xffee],
  // Emoji: high surrogates of U+1F000–U+1FAFF (the low surrogate is invisible).
  [0xd83c, 0xd83e],
];
const SOFT_ASCII = '*.-_/\\|~^`+=#&@%$';

/** Clause punctuation, brackets and quotes: join only terms of at least MIN_CLAUSE_JOIN_UNITS (see lexicon.ts). */
const CLAUSE_CHARS =
  ',;:\'"()[]{}<>' +
  '，、；：' +
  '“”‘’‚„‛‟«»‹›「」『』〈〉《》【】〔〕〖〗〘〙〚〛〝〞〟（）［］｛｝｟｠｢｣､' +
  '…‥—―⸺⸻⁅⁆' +
  '﹐﹑﹔﹕﹙﹚﹛﹜﹝﹞﹤﹥' +
  '︐︑︓︔︗︘︙︱︲︵︶︷︸︹︺︻︼︽︾︿﹀﹁﹂﹃﹄﹇﹈';

/** Sentence ends and line breaks: a term never spans them. */
const SENTENCE_CHARS = '!?\n\r\v\f\u0085\u2028\u2029' + '。｡！？﹖﹗︒︕︖' + '‼‽⁇⁈⁉¡¿⸮';

/** Symbols inside the soft ranges that are content: ★☆ mark secrecy levels (机密★), dingbat digits ❶➀. */
const CONTENT_IN_SOFT: Array<[number, number]> = [
  [0x2605, 0x2606],
  [0x2776, 0x2793],
];

/** Separator kind of each raw UTF-16 code unit (null = content), before folding. */
export function separatorKind(unit: number): SeparatorKind | null {
  return TABLE[unit] ?? null;
}

const TABLE: Array<SeparatorKind | null> = (() => {
  const t = new Array<SeparatorKind | null>(65536).fill(null);
  const range = (ranges: Array<[number, number]>, kind: SeparatorKind | null) => {
    for (const [from, to] of ranges) for (let u = from; u <= to; u += 1) t[u] = kind;
  };
  const chars = (s: string, kind: SeparatorKind) => {
    for (const ch of s) t[ch.charCodeAt(0)] = kind;
  };
  range(SOFT_RANGES, 'SOFT');
  chars(SOFT_ASCII, 'SOFT');
  range(CONTENT_IN_SOFT, null);
  chars(CLAUSE_CHARS, 'CLAUSE');
  chars(SENTENCE_CHARS, 'SENTENCE');
  // Full-width ASCII (U+FF01–U+FF5E) separates like the ASCII character it stands for: ／ like /, ， like ,.
  for (let u = 0xff01; u <= 0xff5e; u += 1) if (t[u - 0xfee0] && !t[u]) t[u] = t[u - 0xfee0] as SeparatorKind;
  range(INVISIBLE_RANGES, 'INVISIBLE');
  return t;
})();
