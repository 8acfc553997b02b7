import { describe, expect, it } from 'vitest';
import { buildDemoProvince } from '@/lib/demo';
import { DEMO_PAST_QUARTERS, EPISODE_DAYS, pastInspectionDates } from '@/lib/demo/past-quarters';
import { toSnapshotInputs } from '@/lib/demo/snapshots';

const quarterOf = (d: Date) => {
  const wall = new Date(d.getTime() + 8 * 3_600_000);
  return `${wall.getUTCFullYear()}-Q${Math.floor(wall.getUTCMonth() / 3) + 1}`;
};

describe('demo past quarters', () => {
  it('monitors the three quarters before the current one on the 20th of their last month, 10:00 Beijing', () => {
    expect(pastInspectionDates(new Date('2026-11-25T04:00:00Z')).map((d) => d.toISOString())).toEqual([
      '2026-03-20T02:00:00.000Z',
      '2026-06-20T02:00:00.000Z',
      '2026-09-20T02:00:00.000Z',
    ]);
    // Across a year.
    expect(pastInspectionDates(new Date('2027-02-01T00:00:00Z')).map(quarterOf)).toEqual([
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
  });

  it('takes the quarter of the Beijing day around midnight (16:00 UTC)', () => {
    // 2026-09-30 23:59 Beijing is still Q3; one minute later it is Q4.
    expect(pastInspectionDates(new Date('2026-09-30T15:59:00Z')).map(quarterOf)).toEqual([
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
    expect(pastInspectionDates(new Date('2026-09-30T16:00:00Z')).map(quarterOf)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
  });

  it('gives each account crawled episodes before the recent history, the recent history unchanged by them', () => {
    const now = new Date('2026-11-25T04:00:00Z');
    const province = buildDemoProvince({ now });
    const dates = pastInspectionDates(now);
    let silent = 0;
    for (const account of province.accounts) {
      const h = province.histories.get(account.key);
      if (!h) throw new Error(account.key);
      expect(h.episodes.length).toBeLessThanOrEqual(DEMO_PAST_QUARTERS);
      for (const e of h.episodes) {
        expect(e.to.getTime() - e.from.getTime()).toBe(EPISODE_DAYS * 86_400_000);
        expect(dates.map((d) => d.getTime())).toContain(e.to.getTime());
        expect(e.to <= h.crawlFrom).toBe(true);
        expect(e.posts.every((p) => p.publishedAt > e.from && p.publishedAt <= e.to)).toBe(true);
        if (e.isSilent) {
          silent += 1;
          expect(e.posts.every((p) => p.publishedAt.getTime() <= e.to.getTime() - 15 * 86_400_000)).toBe(true);
        }
      }
      // Each episode's crawls vouch only for the episode: the days between stretches are never claimed.
      const inputs = toSnapshotInputs(account, h);
      for (const input of inputs) {
        if (!input.coverage) continue;
        const inside = [...h.episodes, { from: h.crawlFrom, to: h.coveredUntil }].some(
          (s) => input.coverage && input.coverage.from >= s.from && input.coverage.to <= s.to,
        );
        expect(inside).toBe(true);
      }
    }
    expect(silent).toBeGreaterThan(5);
  });
});
