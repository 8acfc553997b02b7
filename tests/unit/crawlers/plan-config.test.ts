import { describe, expect, it } from 'vitest';
import { egressesSetting, parsePlanEnv, planConfigFor } from '@/crawlers/planning/plan-config';
import { DEFAULT_PLAN_CONFIG } from '@/crawlers/planning/plan-requests';

describe('parsePlanEnv (CRAWL_* settings of the crawl planner)', () => {
  it('defaults to one unmetered egress, one request per 3 s per host, day 10 of 14, refresh every 6 h', () => {
    const env = parsePlanEnv({});
    expect(env.CRAWL_EGRESSES).toEqual([{ id: 'direct', dailyBudget: Infinity }]);
    const c = planConfigFor(['WEIBO', 'WECHAT'], env);
    expect(c.hosts).toEqual([
      { name: 'WEIBO', minIntervalMs: 3000 },
      { name: 'WECHAT', minIntervalMs: 3000 },
    ]);
    expect(c).toMatchObject({ limitDays: 14, urgentFromDays: 10, refreshMs: 6 * 3_600_000 });
    expect(c.verdictGraceMs).toBe(DEFAULT_PLAN_CONFIG.verdictGraceMs);
    expect(parsePlanEnv({ CRAWL_EGRESSES: ' ', CRAWL_MIN_INTERVAL_MS: '' })).toEqual(env);
  });

  it('reads egress identities with daily budgets and per-platform politeness', () => {
    const env = parsePlanEnv({
      CRAWL_EGRESSES: 'direct:20000, proxy-bj-1:unmetered,proxy-sh-1',
      CRAWL_MIN_INTERVAL_MS: '5000',
      CRAWL_HOST_INTERVALS_MS: 'WECHAT=8000,WEIBO=4000',
      CRAWL_URGENT_FROM_DAYS: '9',
      CRAWL_REFRESH_HOURS: '0',
    });
    const c = planConfigFor(['RSS', 'WECHAT', 'WEIBO'], env);
    expect(c.egresses).toEqual([
      { id: 'direct', dailyBudget: 20000 },
      { id: 'proxy-bj-1', dailyBudget: Infinity },
      { id: 'proxy-sh-1', dailyBudget: Infinity },
    ]);
    expect(c.hosts.map((h) => h.minIntervalMs)).toEqual([5000, 8000, 4000]);
    expect(c).toMatchObject({ urgentFromDays: 9, refreshMs: Infinity });
  });

  it.each([
    ['duplicate egress ids', { CRAWL_EGRESSES: 'a,a' }, /unique/],
    ['a budget that is not a whole number', { CRAWL_EGRESSES: 'a:1.5' }, /CRAWL_EGRESSES/],
    ['a zero budget', { CRAWL_EGRESSES: 'a:0' }, /at least 1/],
    ['a malformed egress id', { CRAWL_EGRESSES: 'a b' }, /CRAWL_EGRESSES/],
    ['no egress at all', { CRAWL_EGRESSES: ',,' }, /at least one egress/],
    ['an interval below 100 ms', { CRAWL_MIN_INTERVAL_MS: '50' }, /CRAWL_MIN_INTERVAL_MS/],
    ['a malformed host interval', { CRAWL_HOST_INTERVALS_MS: 'weibo:3000' }, /PLATFORM_CODE=milliseconds/],
    [
      'urgent from the limit day on',
      { CRAWL_LIMIT_DAYS: '14', CRAWL_URGENT_FROM_DAYS: '14' },
      /below CRAWL_LIMIT_DAYS/,
    ],
    ['a negative refresh', { CRAWL_REFRESH_HOURS: '-1' }, /CRAWL_REFRESH_HOURS/],
  ])('refuses %s', (_name, env, message) => {
    expect(() => parsePlanEnv(env)).toThrow(message);
  });

  it('writes the CRAWL_EGRESSES value bench:schedule prints, which parses back to that many identities', () => {
    expect(egressesSetting(3)).toBe('egress-1,egress-2,egress-3');
    expect(parsePlanEnv({ CRAWL_EGRESSES: egressesSetting(7, 'p', 28800) }).CRAWL_EGRESSES).toHaveLength(7);
  });
});
