import { foldTerm } from './normalize';

const NUM_HASHES = 128;

function hash32(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i += 1) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

export function shingles(text: string, k = 3): Set<string> {
  const t = foldTerm(text);
  const out = new Set<string>();
  for (let i = 0; i + k <= t.length; i += 1) out.add(t.slice(i, i + k));
  if (out.size === 0 && t) out.add(t);
  return out;
}

/** MinHash over character 3-grams of the folded text; permutation i is FNV-1a seeded with i, then mixed. */
export function minhashSignature(text: string, numHashes = NUM_HASHES): Uint32Array {
  const sig = new Uint32Array(numHashes).fill(0xffffffff);
  for (const g of shingles(text)) {
    const x = hash32(g, 0);
    for (let i = 0; i < numHashes; i += 1) {
      let v = Math.imul(x ^ Math.imul(i + 1, 0x9e3779b1), 0x85ebca6b) >>> 0;
      v = Math.imul(v ^ (v >>> 13), 0xc2b2ae35) >>> 0;
      v = (v ^ (v >>> 16)) >>> 0;
      if (v < (sig[i] ?? 0)) sig[i] = v;
    }
  }
  return sig;
}

export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] === b[i]) same += 1;
  return a.length ? same / a.length : 0;
}

/** Locality-sensitive hashing: documents sharing any band of `rows` signature values become candidates. */
export class LshIndex {
  private readonly bands: number;
  private readonly rows: number;
  private readonly buckets = new Map<string, string[]>();

  constructor(opts: { bands?: number; rows?: number } = {}) {
    this.bands = opts.bands ?? 42;
    this.rows = opts.rows ?? 3;
  }

  private keys(sig: Uint32Array): string[] {
    return Array.from({ length: this.bands }, (_, b) => `${b}:${Array.from(sig.subarray(b * this.rows, (b + 1) * this.rows)).join(',')}`);
  }

  add(id: string, sig: Uint32Array): void {
    for (const key of this.keys(sig)) {
      const list = this.buckets.get(key);
      if (list) list.push(id);
      else this.buckets.set(key, [id]);
    }
  }

  query(sig: Uint32Array): string[] {
    const out = new Set<string>();
    for (const key of this.keys(sig)) for (const id of this.buckets.get(key) ?? []) out.add(id);
    return [...out];
  }

  candidates(): Array<[string, string]> {
    const pairs = new Set<string>();
    for (const ids of this.buckets.values()) {
      for (let i = 0; i < ids.length; i += 1) for (let j = i + 1; j < ids.length; j += 1) {
        const [a, b] = [ids[i] as string, ids[j] as string].sort();
        pairs.add(`${a}\u0000${b}`);
      }
    }
    return [...pairs].map((p) => p.split('\u0000') as [string, string]);
  }
}

export function nearDuplicatePairs(docs: { id: string; text: string }[], threshold = 0.6): Array<{ a: string; b: string; similarity: number }> {
  const sigs = new Map(docs.map((d) => [d.id, minhashSignature(d.text)]));
  const index = new LshIndex();
  for (const [id, sig] of sigs) index.add(id, sig);
  return index
    .candidates()
    .map(([a, b]) => ({ a, b, similarity: estimateJaccard(sigs.get(a) as Uint32Array, sigs.get(b) as Uint32Array) }))
    .filter((p) => p.similarity >= threshold)
    .sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}
