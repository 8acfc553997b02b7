/**
 * Builds the Aho–Corasick automaton behind `Lexicon` as a double-array trie whose states ARE the slots:
 * the child of state `s` on alphabet id `a` is `base[s] + a`, valid when `check[base[s] + a] === s`.
 * One step of the scan therefore costs two typed-array loads and no indirection.
 */
export const ROOT = 1;

export type Automaton = {
  base: Int32Array;
  check: Int32Array;
  fail: Int32Array;
  /** Root row made total: alphabet id → state (ROOT when the root has no such child). */
  rootNext: Int32Array;
  /** First state on the suffix chain of `s` (itself included) that ends a term, or -1. */
  outHead: Int32Array;
  /** Next state with output on the suffix chain after `s`, or -1. */
  outLink: Int32Array;
  depth: Int32Array;
  /** Term ids ending at state `s` are outIds[outStart[s] .. outStart[s + 1]). */
  outStart: Int32Array;
  outIds: Int32Array;
};

type Trie = { children: Array<Map<number, number>>; depth: number[]; outputs: number[][] };

/** A pointer trie over alphabet ids; `keys[i]` already mapped to alphabet ids ≥ 1. */
export function buildTrie(keys: readonly Int32Array[]): Trie {
  const trie: Trie = { children: [new Map()], depth: [0], outputs: [[]] };
  keys.forEach((key, id) => {
    let s = 0;
    for (let i = 0; i < key.length; i += 1) {
      const a = key[i] ?? 0;
      let next = trie.children[s]?.get(a);
      if (next === undefined) {
        next = trie.children.length;
        trie.children.push(new Map());
        trie.depth.push(i + 1);
        trie.outputs.push([]);
        trie.children[s]?.set(a, next);
      }
      s = next;
    }
    trie.outputs[s]?.push(id);
  });
  return trie;
}

/** Free slots form a doubly linked list, so finding a base tries only free positions (fast even at 100k terms). */
class SlotAllocator {
  cap: number;
  check: Int32Array;
  base: Int32Array;
  private next: Int32Array;
  private prev: Int32Array;
  private head = 2;
  private tail: number;

  constructor(
    initial: number,
    private readonly alphabetSize: number,
  ) {
    this.cap = initial;
    this.check = new Int32Array(initial);
    this.base = new Int32Array(initial);
    this.next = new Int32Array(initial);
    this.prev = new Int32Array(initial);
    this.link(2, initial);
    this.tail = initial - 1;
  }

  private link(from: number, to: number): void {
    for (let i = from; i < to; i += 1) {
      this.next[i] = i + 1 < to ? i + 1 : -1;
      this.prev[i] = i > from ? i - 1 : -1;
    }
  }

  private grow(need: number): void {
    if (need < this.cap) return;
    const old = this.cap;
    while (this.cap <= need) this.cap *= 2;
    const resize = (a: Int32Array) => {
      const b = new Int32Array(this.cap);
      b.set(a);
      return b;
    };
    [this.check, this.base, this.next, this.prev] = [
      resize(this.check),
      resize(this.base),
      resize(this.next),
      resize(this.prev),
    ];
    this.link(old, this.cap);
    if (this.tail >= 0) {
      this.next[this.tail] = old;
      this.prev[old] = this.tail;
    } else this.head = old;
    this.tail = this.cap - 1;
  }

  occupy(slot: number, parent: number): void {
    const [p, n] = [this.prev[slot] ?? -1, this.next[slot] ?? -1];
    if (p >= 0) this.next[p] = n;
    else this.head = n;
    if (n >= 0) this.prev[n] = p;
    else this.tail = p;
    this.check[slot] = parent;
  }

  /** Smallest base ≥ 1 at which every label in `ids` (sorted ascending) lands on a free slot. */
  findBase(ids: readonly number[]): number {
    const first = ids[0] ?? 1;
    for (let f = this.head; f >= 0; f = this.next[f] ?? -1) {
      const candidate = f - first;
      if (candidate < 1) continue;
      this.grow(candidate + this.alphabetSize + 1);
      if (ids.every((a) => this.check[candidate + a] === 0)) return candidate;
    }
    const b = this.cap;
    this.grow(b + this.alphabetSize + 1);
    return b;
  }
}

export function buildAutomaton(trie: Trie, alphabetSize: number): Automaton {
  const n = trie.children.length;
  const alloc = new SlotAllocator(Math.max(1024, n + alphabetSize + 2), alphabetSize);
  const slotOf = new Int32Array(n);
  slotOf[0] = ROOT;
  alloc.occupy(ROOT, -1);
  // Breadth-first, so a parent's slot is known before its children are placed.
  const order: number[] = [0];
  for (let q = 0; q < order.length; q += 1) {
    const t = order[q] ?? 0;
    const kids = [...(trie.children[t] ?? new Map<number, number>()).entries()].sort((x, y) => x[0] - y[0]);
    if (kids.length === 0) continue;
    const s = slotOf[t] ?? 0;
    const b = alloc.findBase(kids.map(([a]) => a));
    alloc.base[s] = b;
    for (const [a, child] of kids) {
      alloc.occupy(b + a, s);
      slotOf[child] = b + a;
      order.push(child);
    }
  }
  const size = alloc.cap;
  const { base, check } = alloc;
  const fail = new Int32Array(size).fill(ROOT);
  const depth = new Int32Array(size);
  const outHead = new Int32Array(size).fill(-1);
  const outLink = new Int32Array(size).fill(-1);
  const outStart = new Int32Array(size + 1);
  const rootNext = new Int32Array(alphabetSize + 1).fill(ROOT);
  for (const [a, child] of trie.children[0] ?? []) rootNext[a] = slotOf[child] ?? ROOT;

  const step = (s: number, a: number): number => {
    for (let state = s; state !== ROOT; state = fail[state] ?? ROOT) {
      const t = (base[state] ?? 0) + a;
      if (check[t] === state) return t;
    }
    return rootNext[a] ?? ROOT;
  };
  for (const t of order.slice(1)) {
    const s = slotOf[t] ?? ROOT;
    depth[s] = trie.depth[t] ?? 0;
    outStart[s + 1] = trie.outputs[t]?.length ?? 0;
  }
  for (let i = 0; i < size; i += 1) outStart[i + 1] = (outStart[i + 1] ?? 0) + (outStart[i] ?? 0);
  const outIds = new Int32Array(outStart[size] ?? 0);
  for (const t of order) {
    const s = slotOf[t] ?? ROOT;
    (trie.outputs[t] ?? []).forEach((id, k) => (outIds[(outStart[s] ?? 0) + k] = id));
  }
  // Parents precede children in `order`, so fail links of shallower states are final when used.
  for (const t of order) {
    const s = slotOf[t] ?? ROOT;
    for (const [a, child] of trie.children[t] ?? []) {
      const c = slotOf[child] ?? ROOT;
      const f = s === ROOT ? ROOT : step(fail[s] ?? ROOT, a);
      fail[c] = f;
      outLink[c] = outHead[f] ?? -1;
      outHead[c] = (trie.outputs[child]?.length ?? 0) > 0 ? c : (outLink[c] ?? -1);
    }
  }
  return { base, check, fail, rootNext, outHead, outLink, depth, outStart, outIds };
}
