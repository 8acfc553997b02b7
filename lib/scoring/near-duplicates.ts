import { estimateJaccard, LshIndex, minhashSignature } from '@/lib/text/minhash';

/**
 * D8 同质化: for each account, the share of its items that near-duplicate (estimated Jaccard ≥ threshold)
 * an item of a different account in the same supervising tree.
 */
export function nearDuplicateShares(items: Array<{ accountId: string; itemId: string; text: string }>, threshold = 0.7): Map<string, number> {
  const sigs = new Map(items.map((i) => [i.itemId, minhashSignature(i.text)]));
  const owner = new Map(items.map((i) => [i.itemId, i.accountId]));
  const index = new LshIndex();
  for (const [id, sig] of sigs) index.add(id, sig);
  const duplicated = new Set<string>();
  for (const [a, b] of index.candidates()) {
    if (owner.get(a) === owner.get(b)) continue;
    const sa = sigs.get(a);
    const sb = sigs.get(b);
    if (sa && sb && estimateJaccard(sa, sb) >= threshold) {
      duplicated.add(a);
      duplicated.add(b);
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
