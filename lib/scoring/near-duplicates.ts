import { estimateJaccard, LshIndex, minhashSignature } from '@/lib/text/minhash';

/**
 * How many other-account items of one LSH bucket an item is verified against. Templated notices reposted by a
 * whole tree put thousands of items in one bucket; enumerating every pair there is quadratic (it exhausted a
 * Set at 20k items), while an item with a true duplicate almost always meets one among the first few.
 */
const CHECKS_PER_BUCKET = 8;

/**
 * D8 同质化: for each account, the share of its items that near-duplicate (estimated Jaccard ≥ threshold)
 * an item of a different account in the same supervising tree.
 */
export function nearDuplicateShares(
  items: Array<{ accountId: string; itemId: string; text: string }>,
  threshold = 0.7,
): Map<string, number> {
  const sigs = new Map(items.map((i) => [i.itemId, minhashSignature(i.text)]));
  const owner = new Map(items.map((i) => [i.itemId, i.accountId]));
  const index = new LshIndex();
  for (const [id, sig] of sigs) index.add(id, sig);
  const duplicated = new Set<string>();
  for (const ids of index.crowdedBuckets()) {
    for (const a of ids) {
      if (duplicated.has(a)) continue;
      const sa = sigs.get(a);
      let checks = 0;
      for (const b of ids) {
        if (b === a || owner.get(b) === owner.get(a)) continue;
        const sb = sigs.get(b);
        if (sa && sb && estimateJaccard(sa, sb) >= threshold) {
          duplicated.add(a);
          duplicated.add(b);
          break;
        }
        if ((checks += 1) >= CHECKS_PER_BUCKET) break;
      }
    }
  }
  const totals = new Map<string, { all: number; dup: number }>();
  for (const i of items) {
    const t = totals.get(i.accountId) ?? { all: 0, dup: 0 };
    t.all += 1;
    if (duplicated.has(i.itemId)) t.dup += 1;
    totals.set(i.accountId, t);
  }
  return new Map([...totals].map(([id, t]) => [id, t.all ? t.dup / t.all : 0]));
}
