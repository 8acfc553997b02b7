import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import {
  findLinkCheckAccount,
  listItemLinks,
  listLatestLinkChecks,
  listLinkCheckAccountIds,
  type LatestLinkCheck,
  type LinkCheckAccount,
} from '@/lib/data/link-checks';
import { isCheckableLink, type LinkSource } from '@/lib/schemas/link-check';
import type { Edition } from '@/lib/scoring';
import { DAY_MS, HOUR_MS } from '@/lib/time';

export type LinkTarget = { url: string; source: LinkSource };
export type LinkCheckLimits = {
  /** Links checked per account per run (the rest wait for the next run, most urgent first). */
  maxLinks: number;
  /** A link that answered (or could not be checked) is checked again after this many hours. */
  recheckHours: number;
};
export const DEFAULT_LINK_CHECK_LIMITS: LinkCheckLimits = { maxLinks: 50, recheckHours: 24 };

export type LinkCheckPlan = { account: LinkCheckAccount; links: number; due: LinkTarget[]; deferred: number };

/**
 * Which links to check now, most urgent first: never checked; failed once and now at least the edition's
 * `minHoursApart` later (the confirming check D6 needs); then the ones whose latest check is older than
 * `recheckHours`, oldest first. At most `maxLinks`; the rest are deferred to the next run.
 */
export function planDueLinks(
  targets: readonly LinkTarget[],
  latest: readonly LatestLinkCheck[],
  now: Date,
  minHoursApart: number,
  limits: LinkCheckLimits,
): { due: LinkTarget[]; deferred: number } {
  const last = new Map(latest.map((c) => [c.url, c]));
  const ranked = targets.flatMap((t) => {
    const c = last.get(t.url);
    if (!c) return [{ t, rank: 0, at: 0 }];
    const ageMs = now.getTime() - c.checkedAt.getTime();
    if (c.outcome === 'BROKEN' && ageMs >= minHoursApart * HOUR_MS) return [{ t, rank: 1, at: c.checkedAt.getTime() }];
    if (ageMs >= limits.recheckHours * HOUR_MS) return [{ t, rank: 2, at: c.checkedAt.getTime() }];
    return [];
  });
  ranked.sort((a, b) => a.rank - b.rank || a.at - b.at || a.t.url.localeCompare(b.t.url));
  return {
    due: ranked.slice(0, limits.maxLinks).map((r) => r.t),
    deferred: Math.max(0, ranked.length - limits.maxLinks),
  };
}

/**
 * The account's links and those due for a check at `now`: its menu's (read by the caller's crawler, null when not
 * readable) and its live items' published in the edition's content window. Null when the account is gone or closed.
 * `acceptUrl` narrows the links to those this process may reach (the demo sandbox only).
 */
export async function collectLinkTargets({
  db = getDb(),
  accountId,
  now,
  edition,
  limits = DEFAULT_LINK_CHECK_LIMITS,
  menuLinks,
  acceptUrl = () => true,
}: {
  db?: Db;
  accountId: string;
  now: Date;
  edition: Edition;
  limits?: LinkCheckLimits;
  menuLinks?: (account: LinkCheckAccount) => Promise<string[] | null>;
  acceptUrl?: (url: string) => boolean;
}): Promise<LinkCheckPlan | null> {
  const account = await findLinkCheckAccount(db, accountId, now);
  if (!account) return null;
  const since = new Date(now.getTime() - edition.contentWindowDays * DAY_MS);
  const menu = (await menuLinks?.(account)) ?? [];
  const items = await listItemLinks(db, accountId, since, now);
  const targets = new Map<string, LinkTarget>();
  // A link both in the menu and in an item is one link; the menu names it first.
  for (const url of menu) if (!targets.has(url)) targets.set(url, { url, source: 'MENU' });
  for (const item of items)
    for (const url of item.links) if (!targets.has(url)) targets.set(url, { url, source: 'ITEM' });
  const checkable = [...targets.values()].filter((t) => isCheckableLink(t.url) && acceptUrl(t.url));
  const latest = await listLatestLinkChecks(
    db,
    accountId,
    checkable.map((t) => t.url),
    now,
  );
  const { due, deferred } = planDueLinks(checkable, latest, now, edition.D6.minHoursApart, limits);
  return { account, links: checkable.length, due, deferred };
}

export type { LinkCheckAccount };

/** Ids of the accounts worth a link-check run (open, enabled platform, item links in [since, until] or a WeChat credential), in id order. */
export const listLinkCheckAccounts = (
  db: Db,
  page: { since: Date; until: Date; limit: number; afterId?: string },
): Promise<string[]> => listLinkCheckAccountIds(db, page);
