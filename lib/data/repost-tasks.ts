import type { Db } from '@/lib/db/types';
import { inChunks } from './chunks';
import { agencyInSubtrees } from './overview';

/** Open accounts of the agency's subtree on the given platforms: a reposting task's targets. */
export async function listTargetAccountIds(
  db: Db,
  agencyId: string,
  platformCodes: readonly string[],
): Promise<string[]> {
  const rows = await db.account.findMany({
    where: {
      lifecycle: { not: 'CLOSED' },
      platformCode: { in: [...platformCodes] },
      agency: agencyInSubtrees([agencyId]),
    },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  return rows.map((r) => r.id);
}

export async function insertRepostTask(
  db: Db,
  task: {
    agencyId: string;
    title: string;
    itemUrl: string | null;
    matchTerms: string[];
    publishedAt: Date;
    deadline: Date;
    createdById: string | null;
    accountIds: string[];
  },
) {
  const { accountIds, ...data } = task;
  return db.repostTask.create({
    data: { ...data, targets: { create: accountIds.map((accountId) => ({ accountId })) } },
    select: { id: true },
  });
}

/**
 * The most recent tasks with a target in the subtrees (issued there or above, e.g. a province task seen by a county),
 * with only the targets inside the subtrees.
 */
export async function listRepostTasksInScope(db: Db, roots: string[], limit: number) {
  const targetInScope = { account: { agency: agencyInSubtrees(roots) } };
  return db.repostTask.findMany({
    where: { targets: { some: targetInScope } },
    orderBy: { deadline: 'desc' },
    take: limit,
    select: {
      id: true,
      title: true,
      itemUrl: true,
      matchTerms: true,
      publishedAt: true,
      deadline: true,
      agency: { select: { name: true } },
      targets: {
        where: targetInScope,
        select: {
          accountId: true,
          account: { select: { displayName: true, platformCode: true, agency: { select: { name: true } } } },
          post: { select: { id: true, url: true, publishedAt: true } },
        },
      },
    },
  });
}

/** Posts that could be a repost: published in [from, to] by the given accounts. */
export async function listPostsBetween(db: Db, accountIds: string[], from: Date, to: Date) {
  const rows = await inChunks(accountIds, (ids) =>
    db.post.findMany({
      where: { accountId: { in: ids }, publishedAt: { gte: from, lte: to } },
      select: {
        id: true,
        accountId: true,
        url: true,
        text: true,
        repostOfText: true,
        repostOfUrl: true,
        links: true,
        publishedAt: true,
      },
    }),
  );
  return rows.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || a.id.localeCompare(b.id));
}

export type RepostTargetFilter = { accountIds: string[]; postedSince: Date } | { taskId: string };

/** Targets still without a matched repost, with their task: one task's, or the accounts' whose deadline is not before `postedSince`. */
export async function listUnmatchedRepostTargets(db: Db, filter: RepostTargetFilter) {
  const select = {
    taskId: true,
    accountId: true,
    task: { select: { id: true, title: true, itemUrl: true, matchTerms: true, publishedAt: true, deadline: true } },
  } as const;
  if ('taskId' in filter)
    return db.repostTaskTarget.findMany({
      where: { postId: null, taskId: filter.taskId },
      orderBy: { accountId: 'asc' },
      select,
    });
  return inChunks(filter.accountIds, (ids) =>
    db.repostTaskTarget.findMany({
      where: { postId: null, accountId: { in: ids }, task: { deadline: { gte: filter.postedSince } } },
      orderBy: [{ taskId: 'asc' }, { accountId: 'asc' }],
      select,
    }),
  );
}

/** Records the post that fulfils a target; a target once matched keeps its first repost. */
export async function setRepostTargetPost(db: Db, taskId: string, accountId: string, postId: string): Promise<boolean> {
  const { count } = await db.repostTaskTarget.updateMany({
    where: { taskId, accountId, postId: null },
    data: { postId },
  });
  return count === 1;
}
