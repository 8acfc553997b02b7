import { foldTerm } from './normalize';

const bigrams = (s: string): string[] => (s.length < 2 ? [s] : Array.from({ length: s.length - 1 }, (_, i) => s.slice(i, i + 2)));

/**
 * Look-alike app names: the share of the shorter name's character bigrams found in the longer one
 * (containment, not Dice), so "江川市民通" vs "江川市民通官方版" scores 1.0 while unrelated names stay low.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = foldTerm(a);
  const y = foldTerm(b);
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
