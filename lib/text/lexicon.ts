import { BREAK, FOLD_TABLE, foldTerm, SKIP } from './normalize';

export type LexiconOptions = { fold?: boolean; maxGap?: number };
export type LexiconMatch<T> = { entry: T; term: string; start: number; end: number };

const RING = 256;
const RING_MASK = RING - 1;

/**
 * Aho–Corasick over folded UTF-16 code units, stored in typed arrays: sorted child ranges per state
 * (binary-searched), a dense root row, failure links and output links. Reports every overlapping match
 * with ORIGINAL offsets (a ring buffer remembers where each consumed unit was), skips up to `maxGap`
 * consecutive noise units inside a term, and restarts at sentence punctuation.
 */
/**
 * Places each state's children at `base + alphabetId`; `check[slot]` holds parent + 1 so 0 means free.
 * Free slots form a linked list, so finding a base tries only free positions (fast even at 100k terms).
 */
function buildDoubleArray(trie: Array<Map<number, number>>, alpha: Int32Array, alphabetSize: number) {
  let cap = Math.max(1024, trie.length + alphabetSize + 2);
  let check = new Int32Array(cap);
  let slotState = new Int32Array(cap);
  let next = new Int32Array(cap);
  let prev = new Int32Array(cap);
  const stateBase = new Int32Array(trie.length);
  const link = (from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      next[i] = i + 1 < to ? i + 1 : -1;
      prev[i] = i > from ? i - 1 : -1;
    }
  };
  link(1, cap);
  let head = 1;
  let tail = cap - 1;
  const grow = (need: number) => {
    if (need < cap) return;
    const old = cap;
    while (cap <= need) cap *= 2;
    const resize = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    [check, slotState, next, prev] = [resize(check), resize(slotState), resize(next), resize(prev)];
    link(old, cap);
    if (tail >= 0) {
      next[tail] = old;
      prev[old] = tail;
    } else head = old;
    tail = cap - 1;
  };
  const occupy = (slot: number) => {
    const [p, n] = [prev[slot], next[slot]];
    if (p >= 0) next[p] = n;
    else head = n;
    if (n >= 0) prev[n] = p;
    else tail = p;
  };
  for (let s = 0; s < trie.length; s += 1) {
    const kids = [...(trie[s] ?? new Map<number, number>()).entries()].map(([c, t]) => [alpha[c], t] as const).sort((x, y) => x[0] - y[0]);
    if (kids.length === 0) continue;
    const first = kids[0]?.[0] ?? 1;
    let b = -1;
    for (let f = head; f >= 0; f = next[f]) {
      const candidate = f - first;
      if (candidate < 1) continue;
      grow(candidate + alphabetSize + 1);
      if (kids.every(([id]) => check[candidate + id] === 0)) {
        b = candidate;
        break;
      }
    }
    if (b < 0) {
      b = cap;
      grow(b + alphabetSize + 1);
    }
    stateBase[s] = b;
    for (const [id, t] of kids) {
      check[b + id] = s + 1;
      slotState[b + id] = t;
      occupy(b + id);
    }
  }
  return { check, slotState, stateBase };
}

export class Lexicon<T> {
  readonly size: number;
  private readonly terms: string[] = [];
  private readonly entries: T[] = [];
  private readonly fold: boolean;
  private readonly maxGap: number;
  /** Code unit → dense alphabet id (0 = in no term). */
  private readonly alpha: Int32Array;
  private readonly check: Int32Array;
  /** Double-array slot → trie state. */
  private readonly slotState: Int32Array;
  private readonly stateBase: Int32Array;
  private readonly fail: Int32Array;
  private readonly depth: Int32Array;
  private readonly outFirst: Int32Array;
  private readonly outNext: Int32Array;
  private readonly outEntry: Int32Array;
  private readonly outLink: Int32Array;

  constructor(entries: readonly { term: string; data: T }[], options: LexiconOptions = {}) {
    this.fold = options.fold ?? true;
    this.maxGap = options.maxGap ?? 2;
    const trie: Array<Map<number, number>> = [new Map()];
    const depth: number[] = [0];
    const outputs: number[][] = [[]];
    for (const { term, data } of entries) {
      const key = this.fold ? foldTerm(term) : term;
      if (!key) continue;
      let s = 0;
      for (let i = 0; i < key.length; i += 1) {
        const c = key.charCodeAt(i);
        let next = trie[s]?.get(c);
        if (next === undefined) {
          next = trie.length;
          trie.push(new Map());
          depth.push(i + 1);
          outputs.push([]);
          trie[s]?.set(c, next);
        }
        s = next;
      }
      outputs[s]?.push(this.entries.length);
      this.terms.push(term);
      this.entries.push(data);
    }
    this.size = this.entries.length;
    const n = trie.length;
    this.depth = Int32Array.from(depth);
    this.alpha = new Int32Array(65536);
    let nextId = 1;
    for (const m of trie) for (const c of m.keys()) if (this.alpha[c] === 0) this.alpha[c] = nextId++;
    const built = buildDoubleArray(trie, this.alpha, nextId);
    this.check = built.check;
    this.slotState = built.slotState;
    this.stateBase = built.stateBase;
    this.fail = new Int32Array(n);
    this.outLink = new Int32Array(n).fill(-1);
    this.outFirst = new Int32Array(n).fill(-1);
    const outTotal = outputs.reduce((k, o) => k + o.length, 0);
    this.outNext = new Int32Array(outTotal).fill(-1);
    this.outEntry = new Int32Array(outTotal);
    let o = 0;
    for (let s = 0; s < n; s += 1) {
      for (const id of outputs[s] ?? []) {
        this.outEntry[o] = id;
        this.outNext[o] = this.outFirst[s] ?? -1;
        this.outFirst[s] = o;
        o += 1;
      }
    }
    this.buildFailLinks(trie);
  }

  private buildFailLinks(trie: Array<Map<number, number>>): void {
    const queue: number[] = [];
    for (const t of (trie[0] ?? new Map<number, number>()).values()) queue.push(t);
    for (let head = 0; head < queue.length; head += 1) {
      const s = queue[head] ?? 0;
      for (const [c, t] of trie[s] ?? []) {
        queue.push(t);
        // fail[s] is shallower than s, so stepping from it can never reach t itself.
        this.fail[t] = s === 0 ? 0 : this.step(this.fail[s] ?? 0, c);
        const ft = this.fail[t] ?? 0;
        this.outLink[t] = (this.outFirst[ft] ?? -1) >= 0 ? ft : (this.outLink[ft] ?? -1);
      }
    }
  }

  /** Goto with failure transitions: the state reached from `s` on code unit `c`. */
  private step(s: number, c: number): number {
    const a = this.alpha[c] ?? 0;
    if (a === 0) return 0;
    let state = s;
    for (;;) {
      const slot = (this.stateBase[state] ?? 0) + a;
      if (this.check[slot] === state + 1) return this.slotState[slot] ?? 0;
      if (state === 0) return 0;
      state = this.fail[state] ?? 0;
    }
  }

  forEach(text: string, cb: (entry: T, term: string, start: number, end: number) => void): void {
    const { alpha, stateBase, check, slotState, fail, depth, outFirst, outNext, outEntry, outLink, fold, maxGap } = this;
    const ring = new Int32Array(RING);
    let state = 0;
    let consumed = 0;
    let gap = 0;
    for (let i = 0; i < text.length; i += 1) {
      const raw = text.charCodeAt(i);
      const c = fold ? (FOLD_TABLE[raw]) : raw;
      if (fold && c >= BREAK) {
        if (c === SKIP) {
          gap += 1;
          if (gap > maxGap) state = 0;
        } else {
          state = 0;
          gap = 0;
        }
        continue;
      }
      gap = 0;
      const a = alpha[c];
      if (a === 0) {
        state = 0;
      } else {
        for (;;) {
          const slot = (stateBase[state]) + a;
          if (check[slot] === state + 1) {
            state = slotState[slot];
            break;
          }
          if (state === 0) break;
          state = fail[state];
        }
      }
      ring[consumed & RING_MASK] = i;
      consumed += 1;
      for (let s = state; s > 0; s = outLink[s]) {
        if ((outFirst[s]) < 0) continue;
        const start = ring[(consumed - (depth[s])) & RING_MASK];
        for (let o = outFirst[s]; o >= 0; o = outNext[o]) {
          const id = outEntry[o];
          cb(this.entries[id] as T, this.terms[id] as string, start, i + 1);
        }
      }
    }
  }

  search(text: string): LexiconMatch<T>[] {
    const out: LexiconMatch<T>[] = [];
    this.forEach(text, (entry, term, start, end) => out.push({ entry, term, start, end }));
    return out.sort((a, b) => a.end - b.end || a.start - b.start);
  }

  count(text: string): number {
    let n = 0;
    this.forEach(text, () => (n += 1));
    return n;
  }

  has(text: string): boolean {
    return this.count(text) > 0;
  }
}
