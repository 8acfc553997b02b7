import { READ_ROLES, REVIEW_ROLES, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { listInspectableAgencies } from '@/lib/data/inspections';
import { listRepostTasksInScope } from '@/lib/data/repost-tasks';
import type { RepostTargetStatus } from '@/lib/schemas/repost-task';

const TASKS_SHOWN = 20;
// Post URLs come from platform pages: only http(s) addresses become links.
const httpUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

export type RepostTargetRow = {
  accountId: string;
  displayName: string;
  platformCode: string;
  agencyName: string;
  status: RepostTargetStatus;
  post: { id: string; url: string | null; publishedAt: Date } | null;
};

/**
 * Recent tasks in the user's scope with each target's status: reposted when a post was matched to it (by the rule
 * D10 scores with, see match-repost-targets), otherwise missed once the deadline passed.
 */
export async function listRepostTasks({ access, now, db = getDb() }: { access: Access; now: Date; db?: Db }) {
  const tasks = await listRepostTasksInScope(db, scopeRoots(access, READ_ROLES), TASKS_SHOWN);
  return tasks.map((task) => {
    const targets: RepostTargetRow[] = task.targets.map((t) => {
      const post = t.post && { ...t.post, url: httpUrl(t.post.url) };
      const status: RepostTargetStatus = post ? 'REPOSTED' : task.deadline < now ? 'MISSED' : 'PENDING';
      return {
        accountId: t.accountId,
        displayName: t.account.displayName,
        platformCode: t.account.platformCode,
        agencyName: t.account.agency.name,
        status,
        post,
      };
    });
    // Missed first: those are what a supervisor follows up.
    const order: Record<RepostTargetStatus, number> = { MISSED: 0, PENDING: 1, REPOSTED: 2 };
    targets.sort((a, b) => order[a.status] - order[b.status] || a.displayName.localeCompare(b.displayName, 'zh-CN'));
    const counts = { REPOSTED: 0, MISSED: 0, PENDING: 0 };
    for (const t of targets) counts[t.status] += 1;
    return {
      id: task.id,
      title: task.title,
      itemUrl: task.itemUrl,
      matchTerms: task.matchTerms,
      publishedAt: task.publishedAt,
      deadline: task.deadline,
      agencyName: task.agency.name,
      targets,
      counts,
    };
  });
}

/** Agencies a task can target: the user's review roots and the supervising units below them. */
export async function listRepostTaskAgencies({ access, db = getDb() }: { access: Access; db?: Db }) {
  return listInspectableAgencies(db, scopeRoots(access, REVIEW_ROLES));
}
