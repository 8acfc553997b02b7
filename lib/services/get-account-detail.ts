import { canAccessAgency, READ_ROLES, type Access } from '@/lib/access';
import { getReadDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { listRecentCrawlRuns } from '@/lib/data/crawl-runs';
import { listFindingsPage } from '@/lib/data/findings';
import { findAccountHeader, listCoverageCells, listPostsPage, listSnapshots } from '@/lib/data/account-detail';
import { notFound } from '@/lib/errors';
import { DAY_MS, shanghaiDaysBetween } from '@/lib/time';
import { loadAccountScoreItems } from './get-account-scores';

export type { AccountScoreItem } from './get-account-scores';

export const POSTS_PAGE_SIZE = 20;
export const COVERAGE_DAYS = 60;

/** Everything the account page shows; accounts outside the user's scope are reported as not found. */
export async function getAccountDetail({
  access,
  accountId,
  page,
  now,
  db = getReadDb(),
}: {
  access: Access;
  accountId: string;
  page: number;
  now: Date;
  db?: Db;
}) {
  const header = await findAccountHeader(db, accountId);
  if (!header || !canAccessAgency(access, READ_ROLES, header.agency)) throw notFound('account');
  const days = shanghaiDaysBetween(new Date(now.getTime() - (COVERAGE_DAYS - 1) * DAY_MS), now);
  const [snapshots, posts, coverage, crawlRuns, scores] = await Promise.all([
    listSnapshots(db, accountId, 50),
    listPostsPage(db, accountId, page, POSTS_PAGE_SIZE),
    listCoverageCells(db, accountId, days),
    listRecentCrawlRuns(db, accountId, 10),
    loadAccountScoreItems(db, accountId),
  ]);
  const latest = scores[0];
  const findings = latest
    ? await listFindingsPage(db, [header.agency.id], {
        status: 'ALL',
        inspectionId: latest.inspectionId,
        accountId,
        page: 1,
      })
    : null;
  return {
    header,
    profileChanges: profileChanges(snapshots),
    latestSnapshot: snapshots[0] ?? null,
    posts,
    coverage,
    coverageDays: COVERAGE_DAYS,
    crawlRuns,
    scores,
    findings: findings?.items ?? [],
    findingsTotal: findings?.total ?? 0,
  };
}

type SnapshotLike = Awaited<ReturnType<typeof listSnapshots>>[number];

/** Snapshots at which name, avatar or verification differed from the previous one (oldest first in comparison). */
export function profileChanges(
  newestFirst: SnapshotLike[],
): Array<{ at: string; field: 'displayName' | 'avatarHash' | 'isVerified'; from: string; to: string }> {
  const changes: Array<{ at: string; field: 'displayName' | 'avatarHash' | 'isVerified'; from: string; to: string }> =
    [];
  const fields = ['displayName', 'avatarHash', 'isVerified'] as const;
  for (let i = newestFirst.length - 2; i >= 0; i -= 1) {
    const prev = newestFirst[i + 1];
    const cur = newestFirst[i];
    if (!prev || !cur) continue;
    for (const field of fields) {
      if (prev[field] !== cur[field])
        changes.push({ at: cur.takenAt, field, from: String(prev[field] ?? '—'), to: String(cur[field] ?? '—') });
    }
  }
  return changes.reverse();
}
