import type { Db } from '@/lib/db/types';
import {
  listPostsBetween,
  listUnmatchedRepostTargets,
  setRepostTargetPost,
  type RepostTargetFilter,
} from '@/lib/data/repost-tasks';
import { findRepost } from '@/lib/scoring';

/**
 * Fills RepostTaskTarget.postId with the first stored post that reposts the task's item by the rule D10 scores
 * with (a match term or the item URL, published between the task's publication and its deadline). Runs after
 * ingest for the crawled account (tasks due since its oldest crawled item), when a task is issued (its reposts
 * may already be stored) and before an inspection scores its accounts (tasks due in its window).
 */
export async function matchRepostTargets(db: Db, filter: RepostTargetFilter): Promise<number> {
  if ('accountIds' in filter && filter.accountIds.length === 0) return 0;
  const targets = await listUnmatchedRepostTargets(db, filter);
  const byTask = new Map<string, typeof targets>();
  for (const t of targets) byTask.set(t.taskId, [...(byTask.get(t.taskId) ?? []), t]);
  let matched = 0;
  for (const group of byTask.values()) {
    const task = group[0]?.task;
    if (!task) continue;
    const posts = await listPostsBetween(
      db,
      group.map((t) => t.accountId),
      task.publishedAt,
      task.deadline,
    );
    for (const target of group) {
      const post = findRepost(
        task,
        posts.filter((p) => p.accountId === target.accountId),
      );
      if (post && (await setRepostTargetPost(db, task.id, target.accountId, post.id))) matched += 1;
    }
  }
  return matched;
}
