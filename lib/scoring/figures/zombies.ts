/**
 * Zombie accounts (僵尸号), defined once (docs/figures.md): an account whose score in an inspection carries a
 * CONFIRMED V2 (内容不更新) veto. It is a verdict of an inspection, read from stored scores: the notice counts the
 * accounts with one in the quarter's latest score, the annual report those with one in any quarter of the year
 * (listing the quarters), the overview and agency pages those whose latest score has one.
 *
 * Not the same question as the overview's live "no update for N+ days" list (the last item's age now, apps
 * excluded, no review): that list is named after the window, never "zombie".
 */

export const ZOMBIE_VETO_CODE = 'V2';

/** Annual assessment A4 counts a zombie that was one in at least this many quarters of the year. */
export const PERSISTENT_ZOMBIE_QUARTERS = 2;

export const isZombieScore = (vetoCodes: readonly string[]): boolean => vetoCodes.includes(ZOMBIE_VETO_CODE);

export type ZombieAccount<T> = {
  /** The account's latest zombie score of the period (its name, agency, closed flag). */
  latest: T;
  /** Quarters (2026Q3) whose latest score carries the V2 veto, ascending. */
  quarters: string[];
  /** Zombie in PERSISTENT_ZOMBIE_QUARTERS or more quarters (the A4 basis). */
  isPersistent: boolean;
};

/** Zombie accounts among one latest score per account and quarter (each account once, with its quarters). */
export function zombieAccounts<T extends { accountId: string; quarter: string; vetoCodes: readonly string[] }>(
  scores: readonly T[],
): Array<ZombieAccount<T>> {
  const byAccount = new Map<string, { latest: T; quarters: string[] }>();
  for (const s of scores) {
    if (!isZombieScore(s.vetoCodes)) continue;
    const entry = byAccount.get(s.accountId);
    if (!entry) byAccount.set(s.accountId, { latest: s, quarters: [s.quarter] });
    else {
      entry.quarters.push(s.quarter);
      if (s.quarter > entry.latest.quarter) entry.latest = s;
    }
  }
  return [...byAccount.values()].map(({ latest, quarters }) => {
    const sorted = [...new Set(quarters)].sort();
    return { latest, quarters: sorted, isPersistent: sorted.length >= PERSISTENT_ZOMBIE_QUARTERS };
  });
}
