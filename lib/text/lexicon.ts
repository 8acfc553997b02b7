import { buildAutomaton, buildTrie, ROOT, type Automaton } from './lexicon-build';
import {
  BREAK,
  CLAUSE,
  DEFAULT_MAX_GAP,
  FOLD_TABLE,
  foldTerm,
  INVISIBLE,
  MIN_CLAUSE_JOIN_UNITS,
  SKIP,
} from './normalize';

export type LexiconOptions = {
  fold?: boolean;
  /** Visible separators allowed in a row inside a term (default DEFAULT_MAX_GAP). */
  maxGap?: number;
  /** Shortest term clause punctuation may split (default MIN_CLAUSE_JOIN_UNITS). */
  clauseJoinUnits?: number;
  /** Maps each folded code unit once more before matching (e.g. to a pinyin syllable id for homophones). */
  unitMap?: (foldedUnit: number) => number;
  /** Raw code units skipped like soft noise, even those that otherwise end a sentence (line breaks). */
  noise?: string;
};
export type LexiconMatch<T> = { entry: T; term: string; start: number; end: number };

const RING = 256;
const RING_MASK = RING - 1;
/** Longest folded term; the ring buffer of consumed positions must hold a whole term. */
export const MAX_TERM_UNITS = 200;
const NOISE = -1;
const SENTENCE_BREAK = -2;
const CLAUSE_MARK = -3;
const INVISIBLE_MARK = -4;

/** Reusable match buffer: triples (term id, start, end) in UTF-16 offsets of the original text. */
export class MatchBuffer {
  ids = new Int32Array(64);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  length = 0;

  push(id: number, start: number, end: number): void {
    if (this.length === this.ids.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      [this.ids, this.starts, this.ends] = [grow(this.ids), grow(this.starts), grow(this.ends)];
    }
    this.ids[this.length] = id;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length += 1;
  }
}

/**
 * Aho–Corasick over folded UTF-16 code units on a double-array trie (see lexicon-build.ts). Reports every
 * overlapping match with ORIGINAL offsets (a ring buffer remembers where each consumed unit was). Inside a term
 * it skips invisible units freely, up to `maxGap` visible separators in a row (soft ones, and clause punctuation
 * in terms of `clauseJoinUnits` or more), and restarts at a sentence end or any content unit outside the
 * lexicon. One 64k-entry table maps a raw code unit straight to its class or alphabet id (folding included), so
 * the scan does one lookup per unit; separators cost only on the rare non-content branch.
 */
export class Lexicon<T> {
  readonly size: number;
  readonly terms: readonly string[];
  readonly entries: readonly T[];
  private readonly maxGap: number;
  private readonly clauseJoinUnits: number;
  private readonly unitClass: Int32Array;
  private readonly automaton: Automaton;
  private readonly ring = new Int32Array(RING);
  private readonly scratch = new MatchBuffer();

  constructor(entries: readonly { term: string; data: T }[], options: LexiconOptions = {}) {
    const fold = options.fold ?? true;
    const unitMap = options.unitMap ?? ((u: number) => u);
    this.maxGap = options.maxGap ?? DEFAULT_MAX_GAP;
    this.clauseJoinUnits = options.clauseJoinUnits ?? MIN_CLAUSE_JOIN_UNITS;
    const alpha = new Map<number, number>();
    const keys: Int32Array[] = [];
    const terms: string[] = [];
    const data: T[] = [];
    for (const entry of entries) {
      const folded = fold ? foldTerm(entry.term) : entry.term;
      if (!folded || folded.length > MAX_TERM_UNITS) continue;
      const key = new Int32Array(folded.length);
      for (let i = 0; i < folded.length; i += 1) {
        const u = unitMap(folded.charCodeAt(i));
        let a = alpha.get(u);
        if (a === undefined) alpha.set(u, (a = alpha.size + 1));
        key[i] = a;
      }
      keys.push(key);
      terms.push(entry.term);
      data.push(entry.data);
    }
    this.terms = terms;
    this.entries = data;
    this.size = data.length;
    this.unitClass = new Int32Array(65536);
    const extraNoise = new Set(Array.from(options.noise ?? '', (c) => c.charCodeAt(0)));
    for (let raw = 0; raw < 65536; raw += 1) {
      const f = fold ? (FOLD_TABLE[raw] ?? raw) : raw;
      this.unitClass[raw] =
        f === SKIP || extraNoise.has(raw)
          ? NOISE
          : f === BREAK
            ? SENTENCE_BREAK
            : f === CLAUSE
              ? CLAUSE_MARK
              : f === INVISIBLE
                ? INVISIBLE_MARK
                : (alpha.get(unitMap(f)) ?? 0);
    }
    this.automaton = buildAutomaton(buildTrie(keys), alpha.size);
  }

  /** Appends every match in `text` to `out`; returns the number appended. Allocates nothing. */
  scan(text: string, out: MatchBuffer): number {
    const { base, check, fail, rootNext, outHead, outLink, depth, outStart, outIds } = this.automaton;
    const { unitClass, ring, maxGap, clauseJoinUnits } = this;
    const before = out.length;
    let state = ROOT;
    let consumed = 0;
    let gap = 0;
    // Units consumed before the last clause separator skipped: a shorter term must not start before it.
    let clauseAt = 0;
    for (let i = 0; i < text.length; i += 1) {
      const a = unitClass[text.charCodeAt(i)] as number;
      if (a <= 0) {
        if (a === INVISIBLE_MARK) continue;
        if (a === NOISE || a === CLAUSE_MARK) {
          if (state === ROOT) continue;
          if (a === CLAUSE_MARK) clauseAt = consumed;
          gap += 1;
          if (gap > maxGap) state = ROOT;
        } else state = ROOT;
        continue;
      }
      gap = 0;
      for (;;) {
        if (state === ROOT) {
          state = rootNext[a] as number;
          break;
        }
        const t = (base[state] as number) + a;
        if (check[t] === state) {
          state = t;
          break;
        }
        state = fail[state] as number;
      }
      ring[consumed & RING_MASK] = i;
      consumed += 1;
      for (let s = outHead[state] as number; s >= 0; s = outLink[s] as number) {
        const first = consumed - (depth[s] as number);
        if (first < clauseAt && (depth[s] as number) < clauseJoinUnits) continue;
        const start = ring[first & RING_MASK] as number;
        for (let o = outStart[s] as number, end = outStart[s + 1] as number; o < end; o += 1)
          out.push(outIds[o] as number, start, i + 1);
      }
    }
    return out.length - before;
  }

  search(text: string): LexiconMatch<T>[] {
    const buf = this.scratch;
    buf.length = 0;
    this.scan(text, buf);
    const out: LexiconMatch<T>[] = new Array(buf.length);
    for (let k = 0; k < buf.length; k += 1) {
      const id = buf.ids[k] as number;
      out[k] = {
        entry: this.entries[id] as T,
        term: this.terms[id] as string,
        start: buf.starts[k] as number,
        end: buf.ends[k] as number,
      };
    }
    return out.sort((x, y) => x.end - y.end || x.start - y.start);
  }

  count(text: string): number {
    const buf = this.scratch;
    buf.length = 0;
    return this.scan(text, buf);
  }

  has(text: string): boolean {
    return this.count(text) > 0;
  }
}
