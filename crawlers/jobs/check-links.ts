import type { PgBoss } from 'pg-boss';
import type { PrismaClient } from '@/lib/db/types';
import {
  collectLinkTargets,
  DEFAULT_LINK_CHECK_LIMITS,
  listLinkCheckAccounts,
  type LinkCheckAccount,
  type LinkCheckLimits,
} from '@/lib/services/collect-link-targets';
import { getEditionInForce } from '@/lib/services/get-edition-in-force';
import { recordLinkChecks, type RecordLinkChecksSummary } from '@/lib/services/record-link-checks';
import type { LinkChecker, LinkProbe } from '../links/check-link';
import { sendLinkCheckJobs } from '../queue';
import { logJob } from './log';
import { slotStart } from './slots';
import { DAY_MS } from '@/lib/time';

/** Link checks are enqueued hourly; a failed link is re-checked in the first slot at least D6.minHoursApart later. */
export const LINK_CHECK_SLOT_MS = 60 * 60 * 1000;
/** Links of one account checked at once; hosts still get one request at a time (the checker's scheduler). */
const ACCOUNT_CONCURRENCY = 4;

export type CheckLinksSummary =
  | { accountId: string; status: 'SKIPPED'; reason: 'ACCOUNT_NOT_FOUND_OR_CLOSED' }
  | {
      accountId: string;
      status: 'CHECKED';
      links: number;
      checked: number;
      deferred: number;
      outcomes: RecordLinkChecksSummary;
    };

export type CheckLinksArgs = {
  now: Date;
  db: PrismaClient;
  accountId: string;
  checker: LinkChecker;
  limits?: LinkCheckLimits;
  /** The account's menu links at `now` (WeChat official API, crawlers/links/wechat-menu.ts), null when they cannot be read. */
  readMenu?: (account: LinkCheckAccount, now: Date) => Promise<string[] | null>;
  acceptUrl?: (url: string) => boolean;
  signal?: AbortSignal;
};

/** Checks the due links of one account and stores one link_check row per check (D6 scores them). */
export async function runCheckLinks(args: CheckLinksArgs): Promise<CheckLinksSummary> {
  const started = Date.now();
  const { now, db, accountId } = args;
  const edition = await getEditionInForce({ db });
  const plan = await collectLinkTargets({
    db,
    accountId,
    now,
    edition,
    limits: args.limits ?? DEFAULT_LINK_CHECK_LIMITS,
    menuLinks: args.readMenu && ((a) => args.readMenu?.(a, now) ?? Promise.resolve(null)),
    acceptUrl: args.acceptUrl,
  });
  if (!plan) {
    logJob({ job: 'check-links', accountId, kind: 'SKIPPED', ms: Date.now() - started });
    return { accountId, status: 'SKIPPED', reason: 'ACCOUNT_NOT_FOUND_OR_CLOSED' };
  }
  const probes = await mapPool(
    plan.due,
    ACCOUNT_CONCURRENCY,
    async (target): Promise<LinkProbe & { source: typeof target.source }> => ({
      ...(await args.checker.check(target.url, args.signal)),
      source: target.source,
    }),
  );
  const outcomes = await recordLinkChecks({ db, accountId, probes });
  const summary = {
    accountId,
    status: 'CHECKED' as const,
    links: plan.links,
    checked: probes.length,
    deferred: plan.deferred,
    outcomes,
  };
  logJob({ job: 'check-links', kind: 'OK', ms: Date.now() - started, ...summary });
  return summary;
}

async function mapPool<T, R>(items: readonly T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return out;
}

/** Enqueues one link-check job per account with links (items in the content window, or a WeChat menu credential). */
export async function runEnqueueLinkChecks({
  now,
  db,
  boss,
  pageSize = 1000,
}: {
  now: Date;
  db: PrismaClient;
  boss: PgBoss;
  pageSize?: number;
}) {
  const started = Date.now();
  const slot = slotStart(now, LINK_CHECK_SLOT_MS);
  const edition = await getEditionInForce({ db });
  const since = new Date(now.getTime() - edition.contentWindowDays * DAY_MS);
  let accounts = 0;
  let enqueued = 0;
  let afterId: string | undefined;
  for (;;) {
    const ids = await listLinkCheckAccounts(db, { since, until: now, limit: pageSize, afterId });
    if (ids.length === 0) break;
    enqueued += await sendLinkCheckJobs(boss, ids, slot);
    accounts += ids.length;
    afterId = ids.at(-1);
  }
  const summary = { slot: slot.toISOString(), accounts, enqueued };
  logJob({ job: 'enqueue-link-checks', kind: 'OK', ms: Date.now() - started, ...summary });
  return summary;
}
