import { finding } from '../finding';
import { DAY_MS } from '../time';
import type { AccountHistory, DetectorResult, Finding, PostFact, RepostTaskFact, ScoringContext, SnapshotFact } from '../types';

const HOUR_MS = 3_600_000;

/**
 * "With no matching item reach": items published between the two readings whose interactions (likes, reposts,
 * comments) at least equal the follower gain explain it (a viral item). Unknown counts explain nothing.
 */
function isExplainedByReach(h: AccountHistory, a: SnapshotFact, b: SnapshotFact): boolean {
  const gain = (b.followersCount ?? 0) - (a.followersCount ?? 0);
  const reach = h.posts
    .filter((p) => p.publishedAt >= a.takenAt && p.publishedAt <= b.takenAt)
    .reduce((n, p) => n + (p.likes ?? 0) + (p.reposts ?? 0) + (p.comments ?? 0), 0);
  return reach >= gain;
}

/** D9 bought fans: followers growing more than `factor`× within `days` between two snapshots. */
function fanJumps(h: AccountHistory, ctx: ScoringContext, out: Finding[]) {
  const { D9 } = ctx.edition;
  const snaps = h.snapshots.filter((s) => s.takenAt <= ctx.monitoringAt && s.followersCount !== null).sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  for (let i = 0; i < snaps.length; i += 1) {
    for (let j = i + 1; j < snaps.length; j += 1) {
      const [a, b] = [snaps[i], snaps[j]];
      if (!a || !b || b.takenAt.getTime() - a.takenAt.getTime() > D9.fanJumpDays * DAY_MS) break;
      if ((a.followersCount ?? 0) > 0 && (b.followersCount ?? 0) > (a.followersCount ?? 0) * D9.fanJumpFactor && !isExplainedByReach(h, a, b)) {
        out.push(finding({ indicatorCode: 'D9', ruleId: 'D9.FOLLOWER_JUMP', status: 'SUSPECTED', points: D9.fanJumpPoints }, {
          sourceType: 'SNAPSHOT', sourceId: b.id, publishedAt: b.takenAt, details: { from: a.followersCount, to: b.followersCount },
        }));
        return;
      }
    }
  }
}

/** D6 dead links: the same URL failing in two checks at least `minHoursApart` apart. */
function deadLinks(h: AccountHistory, ctx: ScoringContext, out: Finding[]) {
  const byUrl = new Map<string, typeof h.linkChecks>();
  for (const c of h.linkChecks) if (c.checkedAt <= ctx.monitoringAt) byUrl.set(c.url, [...(byUrl.get(c.url) ?? []), c]);
  for (const [url, checks] of [...byUrl.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const failures = checks.filter((c) => c.isFailure).sort((a, b) => a.checkedAt.getTime() - b.checkedAt.getTime());
    const first = failures[0];
    const last = failures[failures.length - 1];
    const latest = [...checks].sort((a, b) => b.checkedAt.getTime() - a.checkedAt.getTime())[0];
    if (first && last && latest?.isFailure && last.checkedAt.getTime() - first.checkedAt.getTime() >= ctx.edition.D6.minHoursApart * HOUR_MS) {
      out.push(finding({ indicatorCode: 'D6', ruleId: 'D6.DEAD_LINK', status: 'CONFIRMED', points: ctx.edition.D6.points }, {
        sourceType: 'LINK_CHECK', sourceId: last.id, url, matchedText: url, details: { httpStatus: last.httpStatus },
      }));
    }
  }
}

/** `https://Www.Gov.cn/a/#top` → `www.gov.cn/a`: scheme, fragment and trailing slash do not make another item. */
export function itemUrlKey(url: string): string {
  const bare = url.trim().replace(/#.*$/, '').replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '');
  const slash = bare.indexOf('/');
  return slash < 0 ? bare.toLowerCase() : bare.slice(0, slash).toLowerCase() + bare.slice(slash);
}

type RepostCandidate = Pick<PostFact, 'publishedAt' | 'text' | 'repostOfText' | 'repostOfUrl' | 'links'>;

function mentionsItem(p: RepostCandidate, task: RepostTaskFact): boolean {
  if (task.matchTerms.some((t) => p.text.includes(t) || (p.repostOfText ?? '').includes(t))) return true;
  if (!task.itemUrl) return false;
  const key = itemUrlKey(task.itemUrl);
  return [...p.links, p.repostOfUrl ?? ''].some((u) => u && itemUrlKey(u) === key) || p.text.includes(key);
}

/**
 * The account's repost of a task's item: a post published in [publishedAt, deadline] whose text or reposted text
 * contains a match term, or that reposts, links or quotes the item's URL. Shared by D10 scoring and the matching
 * that fills the task status page.
 */
export function findRepost<P extends RepostCandidate>(task: RepostTaskFact, posts: readonly P[]): P | null {
  return posts.find((p) => p.publishedAt >= task.publishedAt && p.publishedAt <= task.deadline && mentionsItem(p, task)) ?? null;
}

/** D10 重要信息转载: a required repost missing by its deadline. */
function missedReposts(h: AccountHistory, ctx: ScoringContext, out: Finding[]) {
  for (const task of h.repostTasks) {
    if (task.deadline > ctx.monitoringAt) continue;
    if (!findRepost(task, h.posts)) {
      out.push(finding({ indicatorCode: 'D10', ruleId: 'D10.MISSED_REPOST', status: 'CONFIRMED', points: ctx.edition.D10.points }, {
        sourceType: 'REPOST_TASK', sourceId: task.id, publishedAt: task.deadline, matchedText: task.title, details: {},
      }));
    }
  }
}

export function detectOperations(h: AccountHistory, ctx: ScoringContext): DetectorResult {
  const findings: Finding[] = [];
  if (ctx.edition.D9.enabled && !h.account.isApp) fanJumps(h, ctx, findings);
  if (ctx.edition.D6.enabled) deadLinks(h, ctx, findings);
  if (ctx.edition.D10.enabled) missedReposts(h, ctx, findings);
  return { findings, insufficient: [], notApplicable: [] };
}
