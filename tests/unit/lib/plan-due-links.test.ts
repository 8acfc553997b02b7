import { describe, expect, it } from 'vitest';
import type { LatestLinkCheck } from '@/lib/data/link-checks';
import { planDueLinks, type LinkTarget } from '@/lib/services/collect-link-targets';

const NOW = new Date('2026-11-25T00:00:00Z');
const HOUR = 3_600_000;
const item = (url: string): LinkTarget => ({ url, source: 'ITEM' });
const last = (url: string, hoursAgo: number, outcome: LatestLinkCheck['outcome']): LatestLinkCheck => ({
  url,
  outcome,
  checkedAt: new Date(NOW.getTime() - hoursAgo * HOUR),
});
const LIMITS = { maxLinks: 10, recheckHours: 24 };

describe('planDueLinks', () => {
  it('checks the never-checked first, then failures due for their confirming check, then stale ones oldest first', () => {
    const targets = ['a', 'b', 'c', 'd', 'e', 'f'].map((u) => item(`https://x.gov.cn/${u}`));
    const latest = [
      last('https://x.gov.cn/b', 30, 'OK'), // stale
      last('https://x.gov.cn/c', 2, 'BROKEN'), // failed 2 h ago: confirm now
      last('https://x.gov.cn/d', 0.5, 'BROKEN'), // failed half an hour ago: wait for minHoursApart
      last('https://x.gov.cn/e', 5, 'OK'), // fresh
      last('https://x.gov.cn/f', 48, 'NOT_CHECKED'), // refused two days ago: try again
    ];
    const { due, deferred } = planDueLinks(targets, latest, NOW, 1, LIMITS);
    expect(due.map((t) => t.url.slice(-1))).toEqual(['a', 'c', 'f', 'b']);
    expect(deferred).toBe(0);
  });

  it('follows the edition: a failure is re-checked only minHoursApart later', () => {
    const failed = [last('https://x.gov.cn/a', 2, 'BROKEN')];
    expect(planDueLinks([item('https://x.gov.cn/a')], failed, NOW, 1, LIMITS).due).toHaveLength(1);
    expect(planDueLinks([item('https://x.gov.cn/a')], failed, NOW, 24, LIMITS).due).toHaveLength(0);
  });

  it('bounds a run and says how many wait for the next one', () => {
    const targets = Array.from({ length: 7 }, (_, i) => item(`https://x.gov.cn/${i}`));
    expect(planDueLinks(targets, [], NOW, 1, { maxLinks: 3, recheckHours: 24 })).toMatchObject({
      deferred: 4,
      due: targets.slice(0, 3),
    });
  });
});
