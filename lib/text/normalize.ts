import tsCharacters from './data/ts-characters.json';
import { separatorKind } from './separators';

/** Marks a soft separator (space, light punctuation, interpunct, symbol, emoji): skipped inside a term, counted. */
export const SKIP = 0xffff;
/** Marks a sentence end or line break: a term never spans it. */
export const BREAK = 0xfffe;
/** Marks clause punctuation, brackets and quotes: skipped only inside terms of MIN_CLAUSE_JOIN_UNITS or more. */
export const CLAUSE = 0xfdd0;
/** Marks a zero-width or format character, a combining mark, a variation selector: skipped and not counted. */
export const INVISIBLE = 0xfdd1;

/** At most this many visible separators in a row inside a term ("卖 / 鞋"); invisible ones are not counted. */
export const DEFAULT_MAX_GAP = 3;
/**
 * Clause punctuation joins only terms this long: "颠覆，国家政权" is an evasion, but "离港，外出" holds the
 * two-character term 港外 by accident, and such accidents are frequent for two-character terms only.
 */
export const MIN_CLAUSE_JOIN_UNITS = 3;

const MARK = { SOFT: SKIP, SENTENCE: BREAK, CLAUSE, INVISIBLE } as const;

/** Whether a folded unit is one of the separator marks rather than content. */
export const isSeparatorMark = (folded: number): boolean =>
  folded === SKIP || folded === BREAK || folded === CLAUSE || folded === INVISIBLE;

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(65536);
  for (let i = 0; i < 65536; i += 1) table[i] = i;
  for (let i = 0x41; i <= 0x5a; i += 1) table[i] = i + 32;
  for (let i = 0xff01; i <= 0xff5e; i += 1)
    table[i] = String.fromCharCode(i - 0xfee0)
      .toLowerCase()
      .charCodeAt(0);
  const pairs = tsCharacters.pairs;
  for (let i = 0; i + 1 < pairs.length; i += 2) table[pairs.charCodeAt(i)] = pairs.charCodeAt(i + 1);
  // Noncharacters never occur in real text; the marks borrow their values, so the raw ones must not pass as marks.
  for (let i = 0xfdd0; i <= 0xfdef; i += 1) table[i] = BREAK;
  table[0xfffe] = BREAK;
  table[0xffff] = BREAK;
  for (let i = 0; i < 65536; i += 1) {
    const kind = separatorKind(i);
    if (kind) table[i] = MARK[kind];
  }
  return table;
}

/** One entry per UTF-16 code unit: traditional→simplified, full-width→ASCII, upper→lower, or a separator mark. */
export const FOLD_TABLE: Uint16Array = buildFoldTable();

/** Folded text of the same length as the input (skip/break marks become spaces). */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = FOLD_TABLE[text.charCodeAt(i)] ?? 0;
    out += isSeparatorMark(c) ? ' ' : String.fromCharCode(c);
  }
  return out;
}

/** Folds a lexicon term, dropping noise so "卖 鞋" and "卖鞋" are the same term. */
export function foldTerm(term: string): string {
  let out = '';
  for (let i = 0; i < term.length; i += 1) {
    const c = FOLD_TABLE[term.charCodeAt(i)] ?? 0;
    if (!isSeparatorMark(c)) out += String.fromCharCode(c);
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
  for (let i = start; i < end;) {
    let j = i;
    let breaks = false;
    let other = false;
    for (; j < end; j += 1) {
      const c = text[j] as string;
      const f = FOLD_TABLE[c.charCodeAt(0)] as number;
      if (!LAYOUT_WHITESPACE.includes(c) && !isSeparatorMark(f)) break;
      if (LINE_BREAKS.includes(c)) breaks = true;
      else if (!LAYOUT_WHITESPACE.includes(c)) other = true;
    }
    if (breaks ? other : j - i > maxGap) return false;
    crossed ||= breaks;
    i = j === i ? i + 1 : j;
  }
  return crossed;
}
