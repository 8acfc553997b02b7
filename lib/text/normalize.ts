import tsCharacters from './data/ts-characters.json';

/** Marks a code unit the matcher may skip inside a term (spaces, zero-width, light punctuation, emoji halves). */
export const SKIP = 0xffff;
/** Marks CJK sentence punctuation: a term never spans it. */
export const BREAK = 0xfffe;

const SOFT_NOISE = ' \t\u00a0\u3000\u200b\u200c\u200d\ufeff*·.-_/|~～・';
const BREAKS = '，。！？；：、“”‘’《》…,!?;:\n\r';

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(65536);
  for (let i = 0; i < 65536; i += 1) table[i] = i;
  for (let i = 0x41; i <= 0x5a; i += 1) table[i] = i + 32;
  for (let i = 0xff01; i <= 0xff5e; i += 1) table[i] = String.fromCharCode(i - 0xfee0).toLowerCase().charCodeAt(0);
  const pairs = tsCharacters.pairs;
  for (let i = 0; i + 1 < pairs.length; i += 2) table[pairs.charCodeAt(i)] = pairs.charCodeAt(i + 1);
  for (const ch of SOFT_NOISE) table[ch.charCodeAt(0)] = SKIP;
  for (const ch of BREAKS) table[ch.charCodeAt(0)] = BREAK;
  for (let i = 0xd800; i <= 0xdfff; i += 1) table[i] = SKIP;
  return table;
}

/** One entry per UTF-16 code unit: traditional→simplified, full-width→ASCII, upper→lower, SKIP, BREAK. */
export const FOLD_TABLE: Uint16Array = buildFoldTable();

/** Folded text of the same length as the input (skip/break marks become spaces). */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = FOLD_TABLE[text.charCodeAt(i)] ?? 0;
    out += c === SKIP || c === BREAK ? ' ' : String.fromCharCode(c);
  }
  return out;
}

/** Folds a lexicon term, dropping noise so "卖 鞋" and "卖鞋" are the same term. */
export function foldTerm(term: string): string {
  let out = '';
  for (let i = 0; i < term.length; i += 1) {
    const c = FOLD_TABLE[term.charCodeAt(i)] ?? 0;
    if (c !== SKIP && c !== BREAK) out += String.fromCharCode(c);
  }
  return out;
}

/** Whitespace a page layout may put inside a mark: spaces and every kind of line break. */
export const LAYOUT_WHITESPACE = ' \t\u00a0\u3000\n\r\u2028\u2029\u0085\v\f';
const LINE_BREAKS = '\n\r\u2028\u2029\u0085\v\f';

/**
 * Whether a match in text[start, end) made by a lexicon that skips LAYOUT_WHITESPACE crosses a line break, with
 * every gap holding a line break made of whitespace alone and every other gap no longer than `maxGap`.
 */
export function splitOnlyByLineBreaks(text: string, start: number, end: number, maxGap = 2): boolean {
  let crossed = false;
  for (let i = start; i < end; ) {
    let j = i;
    let breaks = false;
    let other = false;
    for (; j < end; j += 1) {
      const c = text[j] as string;
      const f = FOLD_TABLE[c.charCodeAt(0)];
      if (!LAYOUT_WHITESPACE.includes(c) && f !== SKIP && f !== BREAK) break;
      if (LINE_BREAKS.includes(c)) breaks = true;
      else if (!LAYOUT_WHITESPACE.includes(c)) other = true;
    }
    if (breaks ? other : j - i > maxGap) return false;
    crossed ||= breaks;
    i = j === i ? i + 1 : j;
  }
  return crossed;
}
