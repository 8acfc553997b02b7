import { accountRef, itemOf, type AnnualContext } from './context';
import { yearEnd, yearStart } from './calendar';
import { zombieAccounts } from '../figures/zombies';
import type { AnnualFact, AnnualItem } from './schema';

/**
 * A4's zombies: zombie accounts (lib/scoring/figures/zombies.ts, the notice's and annual report's list) that were
 * zombies in at least two quarters of the year.
 */
export function persistentZombies(ctx: AnnualContext): Array<{ accountId: string; quarters: string[] }> {
  return zombieAccounts(ctx.latestPerQuarter)
    .filter((z) => z.isPersistent)
    .map((z) => ({ accountId: z.latest.accountId, quarters: z.quarters }));
}

/**
 * A4 开设整合: each account of the tree stored as found operating but not registered (open at some time in the year)
 * −unregisteredPoints; each zombie account not closed by the year's end −zombiePoints, deducted once the year is over
 * (until then it can still be closed or merged).
 */
export function assessRegistration(ctx: AnnualContext): AnnualItem {
  const { rules } = ctx;
  const from = yearStart(ctx.facts.year).getTime();
  const to = yearEnd(ctx.facts.year).getTime();
  const unregistered: AnnualFact[] = ctx.facts.accounts
    .filter(
      (a) =>
        !a.isRegistered &&
        Date.parse(a.openedAt ?? a.createdAt) < to &&
        (a.closedAt === null || Date.parse(a.closedAt) >= from),
    )
    .map((a) => ({ kind: 'UNREGISTERED_ACCOUNT', points: rules.A4.unregisteredPoints, ...accountRef(ctx, a.id) }));
  const zombies: AnnualFact[] = persistentZombies(ctx).map(({ accountId, quarters }) => {
    const closedAt = ctx.accounts.get(accountId)?.closedAt ?? null;
    const ref = { ...accountRef(ctx, accountId), quarters };
    if (closedAt !== null && Date.parse(closedAt) < to)
      return { kind: 'ZOMBIE_CLOSED', points: 0, at: closedAt, ...ref };
    return ctx.isYearOver
      ? { kind: 'ZOMBIE_NOT_CLOSED', points: rules.A4.zombiePoints, ...ref }
      : { kind: 'ZOMBIE_OPEN', points: 0, ...ref };
  });
  const byName = (a: AnnualFact, b: AnnualFact) =>
    (a.agencyName ?? '').localeCompare(b.agencyName ?? '', 'zh-CN') ||
    (a.accountName ?? '').localeCompare(b.accountName ?? '', 'zh-CN');
  return itemOf('A4', rules.A4.max, [...unregistered.sort(byName), ...zombies.sort(byName)], {
    isDue: ctx.now.getTime() >= from,
  });
}
