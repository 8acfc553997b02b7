import { describe, expect, it } from 'vitest';
import { detectAppHealth } from '@/lib/scoring/detectors/app-health';
import { cloneEdition, NATIONAL_2019, type AppReleaseFact, type StoreListingFact } from '@/lib/scoring';
import { ago, appHistory, appRelease, context, history, ruleIds, storeListing } from './fixture';

const { D7 } = NATIONAL_2019;
const MONTH_DAYS = 30.4375;

describe('D7 release age', () => {
  it.each<[string, AppReleaseFact[], string[]]>([
    [
      'G10: last release 14 months ago',
      [appRelease('r', { releasedAt: ago(14 * MONTH_DAYS) })],
      ['D7.NO_RECENT_RELEASE'],
    ],
    ['exactly staleMonths ago', [appRelease('r', { releasedAt: ago(D7.staleMonths * MONTH_DAYS) })], []],
    [
      'a day more than staleMonths ago',
      [appRelease('r', { releasedAt: ago(D7.staleMonths * MONTH_DAYS + 1) })],
      ['D7.NO_RECENT_RELEASE'],
    ],
    [
      'an old release followed by a recent one',
      [appRelease('old', { releasedAt: ago(600) }), appRelease('new', { releasedAt: ago(60) })],
      [],
    ],
    ['release date unknown', [appRelease('r', { releasedAt: null })], []],
  ])('%s', (_, appReleases, expected) => {
    expect(ruleIds(detectAppHealth(appHistory({ appReleases }), context()))).toEqual(expected);
  });

  it('follows the edition: a 6-month edition flags an app released 8 months ago', () => {
    const h = appHistory({ appReleases: [appRelease('r', { releasedAt: ago(8 * MONTH_DAYS) })] });
    expect(ruleIds(detectAppHealth(h, context()))).toEqual([]);
    const sixMonths = cloneEdition(NATIONAL_2019, { code: 'apps-6m', D7: { staleMonths: 6 } });
    expect(
      detectAppHealth(h, context({ edition: sixMonths })).findings.map((f) => [f.ruleId, f.status, f.points]),
    ).toEqual([['D7.NO_RECENT_RELEASE', 'CONFIRMED', D7.stalePoints]]);
  });
});

describe('D7 store rating', () => {
  it.each<[string, AppReleaseFact[], string[]]>([
    ['G10: 2.1 from 300 ratings', [appRelease('r', { rating: 2.1, ratingCount: 300 })], ['D7.LOW_RATING']],
    [
      'just below the minimum with exactly the minimum count',
      [appRelease('r', { rating: D7.minRating - 0.01, ratingCount: D7.minRatingCount })],
      ['D7.LOW_RATING'],
    ],
    ['exactly the minimum rating', [appRelease('r', { rating: D7.minRating, ratingCount: 300 })], []],
    ['too few ratings to judge', [appRelease('r', { rating: 1.5, ratingCount: D7.minRatingCount - 1 })], []],
    ['rating unknown', [appRelease('r', { rating: null, ratingCount: null })], []],
    [
      'the latest observation counts',
      [
        appRelease('r1', { rating: 2.0, ratingCount: 300, observedAt: ago(40) }),
        appRelease('r2', { rating: 4.1, ratingCount: 400, observedAt: ago(1) }),
      ],
      [],
    ],
    [
      'two stores read in one crawl: the worse rating counts',
      [
        appRelease('huawei', { rating: 2.2, ratingCount: 500, observedAt: ago(1) }),
        appRelease('yyb', { rating: 4.5, ratingCount: 900, observedAt: ago(1 - 1 / 24 / 60) }),
      ],
      ['D7.LOW_RATING'],
    ],
    [
      'two stores, the low one with too few ratings',
      [
        appRelease('huawei', { rating: 2.2, ratingCount: D7.minRatingCount - 1, observedAt: ago(1) }),
        appRelease('yyb', { rating: 4.5, ratingCount: 900, observedAt: ago(1) }),
      ],
      [],
    ],
    [
      'an observation after the monitoring date is not known yet',
      [
        appRelease('r1', { rating: 2.0, ratingCount: 300, observedAt: ago(3) }),
        appRelease('r2', { rating: 4.1, ratingCount: 400, observedAt: ago(-1) }),
      ],
      ['D7.LOW_RATING'],
    ],
  ])('%s', (_, appReleases, expected) => {
    expect(ruleIds(detectAppHealth(appHistory({ appReleases }), context()))).toEqual(expected);
  });
});

describe('D7 look-alike apps (山寨)', () => {
  const own = [appRelease('own')];
  it.each<[string, StoreListingFact[], string[]]>([
    ['same name, another seller', [storeListing('fake', { appName: '江川市民通' })], ['fake']],
    ['name containing ours, another seller', [storeListing('fake', { appName: '江川市民通官方版' })], ['fake']],
    ['name below the similarity threshold (0.75)', [storeListing('other', { appName: '江川市民服务' })], []],
    [
      'our own listing in another store (same seller id)',
      [storeListing('mine', { appName: '江川市民通', sellerId: 'seller-jc', sellerName: null })],
      [],
    ],
    [
      'our own seller by name (store without seller ids)',
      [storeListing('mine', { appName: '江川市民通', sellerId: null, sellerName: '江川市大数据中心' })],
      [],
    ],
    ['an unrelated app', [storeListing('weather')], []],
    [
      'two look-alikes are two findings',
      [
        storeListing('f1', { appName: '江川市民通' }),
        storeListing('f2', { appName: '江川市民通Pro', sellerId: 'seller-3' }),
      ],
      ['f1', 'f2'],
    ],
  ])('%s', (_, storeListings, expected) => {
    const found = detectAppHealth(appHistory({ appReleases: own, storeListings }), context()).findings;
    expect(found.map((f) => f.evidence.sourceId)).toEqual(expected);
    for (const f of found)
      expect(f).toMatchObject({
        ruleId: 'D7.LOOKALIKE_APP',
        status: 'CONFIRMED',
        points: D7.lookalikePoints,
        evidence: { sourceType: 'STORE_LISTING' },
      });
  });

  it('follows the edition: a 0.7 similarity threshold catches 江川市民服务', () => {
    const h = appHistory({ appReleases: own, storeListings: [storeListing('other', { appName: '江川市民服务' })] });
    const loose = cloneEdition(NATIONAL_2019, { code: 'lookalike-70', D7: { lookalikeSimilarity: 0.7 } });
    expect(
      detectAppHealth(h, context({ edition: loose })).findings.map((f) => [f.ruleId, f.evidence.details.similarity]),
    ).toEqual([['D7.LOOKALIKE_APP', 0.75]]);
  });
});

describe('D7 applicability', () => {
  it('G10: all three problems reach the indicator maximum', () => {
    const h = appHistory({
      appReleases: [appRelease('r', { releasedAt: ago(14 * MONTH_DAYS), rating: 2.1, ratingCount: 300 })],
      storeListings: [storeListing('fake', { appName: '江川市民通' })],
    });
    const found = detectAppHealth(h, context()).findings;
    expect(found.map((f) => f.ruleId)).toEqual(['D7.NO_RECENT_RELEASE', 'D7.LOW_RATING', 'D7.LOOKALIKE_APP']);
    expect(found.reduce((n, f) => n + f.points, 0)).toBe(D7.max);
  });

  it.each([
    [
      'an app with no store data yet',
      appHistory(),
      { insufficient: [{ code: 'D7', reason: 'LISTING_NOT_READ', details: {} }], notApplicable: [] },
    ],
    ['a Weibo account', history(), { insufficient: [], notApplicable: ['D7'] }],
  ])('%s', (_, h, expected) => {
    expect(detectAppHealth(h, context())).toEqual({ findings: [], ...expected });
  });
});
