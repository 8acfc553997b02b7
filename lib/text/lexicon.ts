import { BREAK, FOLD_TABLE, foldTerm, SKIP } from './normalize';

export type LexiconOptions = { fold?: boolean; maxGap?: number };
export type LexiconMatch<T> = { entry: T; term: string; start: number; end: number };

type Node = { next: Map<number, Node>; outputs: number[] };

/**
 * Multi-term matcher over folded text with original UTF-16 offsets: a trie walked from every start
 * position, skipping up to `maxGap` noise code units inside a term and never crossing sentence punctuation.
 * Reports all overlapping matches; duplicate terms keep every entry.
 */
export class Lexicon<T> {
  readonly size: number;
  private readonly root: Node = { next: new Map(), outputs: [] };
  private readonly terms: string[] = [];
  private readonly entries: T[] = [];
  private readonly fold: boolean;
  private readonly maxGap: number;

  constructor(entries: readonly { term: string; data: T }[], options: LexiconOptions = {}) {
    this.fold = options.fold ?? true;
    this.maxGap = options.maxGap ?? 2;
    for (const { term, data } of entries) {
      const key = this.fold ? foldTerm(term) : term;
      if (!key) continue;
      let node = this.root;
      for (let i = 0; i < key.length; i += 1) {
        const c = key.charCodeAt(i);
        let child = node.next.get(c);
        if (!child) {
          child = { next: new Map(), outputs: [] };
          node.next.set(c, child);
        }
        node = child;
      }
      node.outputs.push(this.entries.length);
      this.terms.push(term);
      this.entries.push(data);
    }
    this.size = this.entries.length;
  }

  private code(text: string, i: number): number {
    const raw = text.charCodeAt(i);
    return this.fold ? (FOLD_TABLE[raw] ?? raw) : raw;
  }

  forEach(text: string, cb: (entry: T, term: string, start: number, end: number) => void): void {
    for (let start = 0; start < text.length; start += 1) {
      const first = this.code(text, start);
      if (first === SKIP || first === BREAK) continue;
      let node = this.root.next.get(first);
      let end = start + 1;
      while (node) {
        for (const id of node.outputs) cb(this.entries[id] as T, this.terms[id] as string, start, end);
        if (node.next.size === 0) break;
        let j = end;
        let gap = 0;
        while (j < text.length && this.code(text, j) === SKIP && gap <= this.maxGap) {
          gap += 1;
          j += 1;
        }
        if (j >= text.length || gap > this.maxGap) break;
        const c = this.code(text, j);
        if (c === BREAK) break;
        node = node.next.get(c);
        end = j + 1;
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
