import { z } from 'zod';
import { days, declareDetector, indicatorSection, points } from '../declaration';
import { finding } from '../finding';
import { DAY_MS, HOUR_MS } from '@/lib/time';
import type {
  AccountHistory,
  DetectorResult,
  Finding,
  Insufficiency,
  PostFact,
  RepostTaskFact,
  ScoringContext,
  SnapshotFact,
} from '../types';

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
  const snaps = h.snapshots
    .filter((s) => s.takenAt <= ctx.monitoringAt && s.followersCount !== null)
    .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  for (let i = 0; i < snaps.length; i += 1) {
    for (let j = i + 1; j < snaps.length; j += 1) {
      const [a, b] = [snaps[i], snaps[j]];
      if (!a || !b || b.takenAt.getTime() - a.takenAt.getTime() > D9.fanJumpDays * DAY_MS) break;
      if (
        (a.followersCount ?? 0) > 0 &&
        (b.followersCount ?? 0) > (a.followersCount ?? 0) * D9.fanJumpFactor &&
        !isExplainedByReach(h, a, b)
      ) {
        out.push(
          finding(
            { indicatorCode: 'D9', ruleId: 'D9.FOLLOWER_JUMP', status: 'SUSPECTED', points: D9.fanJumpPoints },
            {
              sourceType: 'SNAPSHOT',
              sourceId: b.id,
              publishedAt: b.takenAt,
              details: { from: a.followersCount, to: b.followersCount },
            },
          ),
        );
        return;
      }
    }
  }
}

type LinkCheck = AccountHistory['linkChecks'][number];
/** Only web links can be checked (and be dead); mailto:, tel: or an app scheme are not links D6 judges. */
const WEB_LINK = /^https?:\/\/\S/i;

/**
 * D6 dead links (docs/crawlers.md "D6 link checks"). The account's links at the monitoring date are the links of its
 * live (not deleted) items published in the content window plus every link checked in that window (menus are known only through their
 * checks). Each is judged by its checks in the window (rows the checker could not make, e.g. a refused private
 * address, never reach scoring): dead when its latest checks are an unbroken run of failures spanning at least
 * `minHoursApart` (two checks at least); alive when the latest check answered. A link never checked, or failing in
 * one check only so far, is unknown: D6 is then INSUFFICIENT_DATA with the reason (a hit keeps it: the deduction may
 * be incomplete). An account with no links at all is CLEAR: there is nothing that could be dead.
 */
function deadLinks(h: AccountHistory, ctx: ScoringContext, out: Finding[], insufficient: Insufficiency[]) {
  const from = ctx.monitoringAt.getTime() - ctx.edition.contentWindowDays * DAY_MS;
  const inWindow = (at: Date) => at.getTime() > from && at <= ctx.monitoringAt;
  const byUrl = new Map<string, LinkCheck[]>();
  for (const p of h.posts)
    if (inWindow(p.publishedAt) && !p.deletedAt)
      for (const url of p.links) if (WEB_LINK.test(url) && !byUrl.has(url)) byUrl.set(url, []);
  for (const c of h.linkChecks) if (inWindow(c.checkedAt)) byUrl.set(c.url, [...(byUrl.get(c.url) ?? []), c]);
  let unchecked = 0;
  let failedOnce = 0;
  for (const [url, checks] of [...byUrl.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const newestFirst = [...checks].sort((a, b) => b.checkedAt.getTime() - a.checkedAt.getTime());
    const okAt = newestFirst.findIndex((c) => !c.isFailure);
    // The current outage: failures since the last answer, oldest first. An earlier outage that recovered is history.
    const outage = newestFirst.slice(0, okAt < 0 ? newestFirst.length : okAt).reverse();
    const first = outage[0];
    const last = outage[outage.length - 1];
    if (checks.length === 0) {
      unchecked += 1;
      continue;
    }
    if (!first || !last) continue; // the latest check answered: alive
    if (
      outage.length >= 2 &&
      last.checkedAt.getTime() - first.checkedAt.getTime() >= ctx.edition.D6.minHoursApart * HOUR_MS
    ) {
      // The outage's first failure is the source: the finding (and a review of it) stays the same while the link stays dead.
      out.push(
        finding(
          { indicatorCode: 'D6', ruleId: 'D6.DEAD_LINK', status: 'CONFIRMED', points: ctx.edition.D6.points },
          {
            sourceType: 'LINK_CHECK',
            sourceId: first.id,
            url,
            matchedText: url,
            details: {
              httpStatus: last.httpStatus,
              firstFailedAt: first.checkedAt.toISOString(),
              lastFailedAt: last.checkedAt.toISOString(),
              failures: outage.length,
            },
          },
        ),
      );
    } else failedOnce += 1;
  }
  if (unchecked > 0)
    insufficient.push({
      code: 'D6',
      reason: 'LINKS_NOT_CHECKED',
      details: { links: byUrl.size, unchecked, failedOnce },
    });
  else if (failedOnce > 0)
    insufficient.push({ code: 'D6', reason: 'LINK_FAILED_ONCE', details: { links: byUrl.size, failedOnce } });
}

/** `https://Www.Gov.cn/a/#top` → `www.gov.cn/a`: scheme, fragment and trailing slash do not make another item. */
export function itemUrlKey(url: string): string {
  const bare = url
    .trim()
    .replace(/#.*$/, '')
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/\/+$/, '');
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
  return (
    posts.find((p) => p.publishedAt >= task.publishedAt && p.publishedAt <= task.deadline && mentionsItem(p, task)) ??
    null
  );
}

/** D10 重要信息转载: a required repost missing by its deadline. */
function missedReposts(h: AccountHistory, ctx: ScoringContext, out: Finding[]) {
  for (const task of h.repostTasks) {
    if (task.deadline > ctx.monitoringAt) continue;
    if (!findRepost(task, h.posts)) {
      out.push(
        finding(
          { indicatorCode: 'D10', ruleId: 'D10.MISSED_REPOST', status: 'CONFIRMED', points: ctx.edition.D10.points },
          {
            sourceType: 'REPOST_TASK',
            sourceId: task.id,
            publishedAt: task.deadline,
            matchedText: task.title,
            details: {},
          },
        ),
      );
    }
  }
}

export function detectOperations(h: AccountHistory, ctx: ScoringContext): DetectorResult {
  const findings: Finding[] = [];
  const insufficient: Insufficiency[] = [];
  if (ctx.edition.D9.enabled && !h.account.isApp) fanJumps(h, ctx, findings);
  if (ctx.edition.D6.enabled) deadLinks(h, ctx, findings, insufficient);
  if (ctx.edition.D10.enabled) missedReposts(h, ctx, findings);
  return { findings, insufficient, notApplicable: [] };
}

/** D6, D9 (its forced-follow text rule: text-rules.ts) and D10. */
export const operations = declareDetector({
  fields: {
    D6: indicatorSection({ points, minHoursApart: z.number().min(0) }),
    D9: indicatorSection({
      forcedFollowPoints: points,
      fanJumpFactor: z.number().min(1),
      fanJumpDays: days,
      fanJumpPoints: points,
    }),
    D10: indicatorSection({ points }),
  },
  vetoFields: {},
  baseline: {
    D6: { max: 10, points: 2, minHoursApart: 1 },
    D9: { max: 10, forcedFollowPoints: 5, fanJumpFactor: 5, fanJumpDays: 7, fanJumpPoints: 5 },
    D10: { max: 10, points: 2 },
  },
  vetoBaseline: {},
  since: 1,
  detect: detectOperations,
});
