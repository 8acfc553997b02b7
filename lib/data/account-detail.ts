import type { Db } from '@/lib/db/types';
import { dateToDay, dayToDate } from '@/lib/time';

export type AccountHeaderDto = {
  id: string;
  displayName: string;
  platformCode: string;
  handle: string;
  url: string | null;
  filingNumber: string | null;
  filingStatus: string;
  lifecycle: string;
  openedAt: string | null;
  closedAt: string | null;
  agency: { id: string; name: string; ancestorIds: string[] };
};

export async function findAccountHeader(db: Db, accountId: string): Promise<AccountHeaderDto | null> {
  const row = await db.account.findUnique({
    where: { id: accountId },
    select: {
      id: true,
      displayName: true,
      platformCode: true,
      handle: true,
      url: true,
      filingNumber: true,
      filingStatus: true,
      lifecycle: true,
      openedAt: true,
      closedAt: true,
      agency: { select: { id: true, name: true, ancestorIds: true } },
    },
  });
  if (!row) return null;
  return { ...row, openedAt: row.openedAt?.toISOString() ?? null, closedAt: row.closedAt?.toISOString() ?? null };
}

export type SnapshotDto = {
  id: string;
  takenAt: string;
  displayName: string;
  avatarHash: string | null;
  isVerified: boolean | null;
  verifiedReason: string | null;
  followersCount: number | null;
  isInteractionEnabled: boolean | null;
};

export async function listSnapshots(db: Db, accountId: string, limit: number): Promise<SnapshotDto[]> {
  const rows = await db.snapshot.findMany({
    where: { accountId },
    orderBy: { takenAt: 'desc' },
    take: limit,
    select: {
      id: true,
      takenAt: true,
      displayName: true,
      avatarHash: true,
      isVerified: true,
      verifiedReason: true,
      followersCount: true,
      isInteractionEnabled: true,
    },
  });
  return rows.map((r) => ({ ...r, takenAt: r.takenAt.toISOString() }));
}

export type PostListItemDto = {
  id: string;
  platformPostId: string;
  url: string | null;
  title: string | null;
  text: string;
  publishedAt: string;
  editedAt: string | null;
  deletedDetectedAt: string | null;
  isPinned: boolean;
  isRepost: boolean;
  commentsEnabled: boolean | null;
  commentsCount: number | null;
  likesCount: number | null;
  repostsCount: number | null;
  storedComments: number;
  revisions: number;
};

export async function listPostsPage(
  db: Db,
  accountId: string,
  page: number,
  pageSize: number,
): Promise<{ items: PostListItemDto[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.post.findMany({
      where: { accountId },
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { _count: { select: { comments: true, revisions: true } } },
    }),
    db.post.count({ where: { accountId } }),
  ]);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      platformPostId: r.platformPostId,
      url: r.url,
      title: r.title,
      text: r.text,
      publishedAt: r.publishedAt.toISOString(),
      editedAt: r.editedAt?.toISOString() ?? null,
      deletedDetectedAt: r.deletedDetectedAt?.toISOString() ?? null,
      isPinned: r.isPinned,
      isRepost: r.isRepost,
      commentsEnabled: r.commentsEnabled,
      commentsCount: r.commentsCount,
      likesCount: r.likesCount,
      repostsCount: r.repostsCount,
      storedComments: r._count.comments,
      revisions: r._count.revisions,
    })),
  };
}

export type CoverageCellDto = {
  day: string;
  status: 'COVERED' | 'PARTIAL' | 'FAILED' | 'NONE';
  errorKind: string | null;
};

export async function listCoverageCells(db: Db, accountId: string, days: string[]): Promise<CoverageCellDto[]> {
  if (days.length === 0) return [];
  const rows = await db.crawlCoverage.findMany({
    where: { accountId, day: { gte: dayToDate(days[0] ?? ''), lte: dayToDate(days[days.length - 1] ?? '') } },
  });
  const byDay = new Map(rows.map((r) => [dateToDay(r.day), r]));
  return days.map((day) => {
    const row = byDay.get(day);
    return { day, status: row?.status ?? 'NONE', errorKind: row?.errorKind ?? null };
  });
}
