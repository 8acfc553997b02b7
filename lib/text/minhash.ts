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

/**
 * Locality-sensitive hashing: documents sharing any band of `rows` signature values become candidates.
 * One Map per band keyed by a numeric hash of the band's values, holding document numbers: a single Map of
 * string keys would exceed V8's Map size limit (2^24 entries) at about 400k documents × 42 bands.
 */
export class LshIndex {
  private readonly bands: number;
  private readonly rows: number;
  private readonly ids: string[] = [];
  private readonly buckets: Array<Map<number, number[]>>;

  constructor(opts: { bands?: number; rows?: number } = {}) {
    this.bands = opts.bands ?? 42;
    this.rows = opts.rows ?? 3;
    this.buckets = Array.from({ length: this.bands }, () => new Map());
  }

  private key(sig: Uint32Array, band: number): number {
    let h = 0x811c9dc5;
    let l = 0x9e3779b9;
    for (let r = band * this.rows; r < (band + 1) * this.rows; r += 1) {
      const v = sig[r] ?? 0;
      h = Math.imul(h ^ v, 0x01000193) >>> 0;
      l = Math.imul(l ^ (v >>> 16) ^ (v << 5), 0x85ebca6b) >>> 0;
    }
    return (h % 0x200000) * 0x100000000 + l;
  }

  add(id: string, sig: Uint32Array): void {
    const n = this.ids.push(id) - 1;
    this.buckets.forEach((bucket, b) => {
      const k = this.key(sig, b);
      const list = bucket.get(k);
      if (list) list.push(n);
      else bucket.set(k, [n]);
    });
  }

  query(sig: Uint32Array): string[] {
    const out = new Set<number>();
    this.buckets.forEach((bucket, b) => {
      for (const n of bucket.get(this.key(sig, b)) ?? []) out.add(n);
    });
    return [...out].map((n) => this.ids[n] as string);
  }

  /** Every bucket holding two or more documents (the ids share one band). */
  *crowdedBuckets(): Iterable<readonly string[]> {
    for (const bucket of this.buckets)
      for (const list of bucket.values()) if (list.length > 1) yield list.map((n) => this.ids[n] as string);
  }

  /** All candidate pairs: quadratic in bucket size, so only for small collections (see nearDuplicateShares). */
  candidates(): Array<[string, string]> {
    const pairs = new Set<string>();
    for (const ids of this.crowdedBuckets()) {
      for (let i = 0; i < ids.length; i += 1)
        for (let j = i + 1; j < ids.length; j += 1) {
          const [a, b] = [ids[i] as string, ids[j] as string].sort();
          pairs.add(`${a}\u0000${b}`);
        }
    }
    return [...pairs].map((p) => p.split('\u0000') as [string, string]);
  }
}

export function nearDuplicatePairs(
  docs: { id: string; text: string }[],
  threshold = 0.6,
): Array<{ a: string; b: string; similarity: number }> {
  const sigs = new Map(docs.map((d) => [d.id, minhashSignature(d.text)]));
  const index = new LshIndex();
  for (const [id, sig] of sigs) index.add(id, sig);
  return index
    .candidates()
    .map(([a, b]) => ({ a, b, similarity: estimateJaccard(sigs.get(a) as Uint32Array, sigs.get(b) as Uint32Array) }))
    .filter((p) => p.similarity >= threshold)
    .sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}
