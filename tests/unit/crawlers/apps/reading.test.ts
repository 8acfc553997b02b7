import { describe, expect, it } from 'vitest';
import { CrawlError } from '@/crawlers/errors';
import { appSnapshot, selectLookalikes, type StoreReading } from '@/crawlers/platforms/apps/reading';
import type { CrawlContext, CrawlTarget } from '@/crawlers/types';
import type { StoreListingInput } from '@/lib/schemas/snapshot';

const listing = (
  storeAppId: string,
  appName: string,
  sellerName: string | null,
  sellerId: string | null = null,
): StoreListingInput => ({ store: 'APP_STORE', storeAppId, appName, sellerName, sellerId });
const own = { storeAppId: '1', names: ['江川市民通'], sellers: ['江川市大数据局', '900'] };
const options = { lookalikeMinSimilarity: 0.5, maxLookalikes: 20 };

describe('selectLookalikes', () => {
  it('keeps similar names from other sellers, most similar first, once each', () => {
    const picked = selectLookalikes(
      own,
      [
        listing('1', '江川市民通', '江川市大数据局'),
        listing('2', '江川 市民通', '江川市大数据局'),
        listing('3', '江川市民卡', '某卡务公司'),
        listing('4', '江川市民通官方版', '某某科技有限公司'),
        listing('4', '江川市民通官方版', '某某科技有限公司'),
        listing('5', '市民通', 'X', '900'),
        listing('6', '天气预报', '某气象公司'),
      ],
      options,
    );
    expect(picked.map((l) => l.storeAppId)).toEqual(['4', '3']);
  });

  it('honours the similarity floor and the cap', () => {
    const candidates = [
      listing('3', '江川市民卡', 'A'),
      listing('4', '江川市民通2', 'B'),
      listing('5', '江川市民通Pro', 'C'),
    ];
    expect(
      selectLookalikes(own, candidates, { lookalikeMinSimilarity: 0.8, maxLookalikes: 20 }).map((l) => l.storeAppId),
    ).toEqual(['4', '5']);
    expect(selectLookalikes(own, candidates, { lookalikeMinSimilarity: 0.5, maxLookalikes: 1 })).toHaveLength(1);
  });
});

describe('appSnapshot', () => {
  const target: CrawlTarget = {
    accountId: 'a1',
    platform: 'APP_ANDROID',
    handle: 'p',
    displayName: 'x',
    crawlConfig: {},
    since: new Date(0),
  };
  const ctx = { now: new Date('2026-11-25T00:00:00Z') } as CrawlContext;
  const reading = (store: StoreReading['store']): StoreReading => ({
    store,
    partial: false,
    lookalikes: [listing('9', 'x', 'y')].map((l) => ({ ...l, store })),
    release: { store, version: '1.0', appName: 'x' },
    profile: { displayName: 'x' },
  });

  it('is ok with every store read, partial when one store failed, without coverage', () => {
    const ok = appSnapshot(target, ctx, [
      { store: 'HUAWEI', reading: reading('HUAWEI') },
      { store: 'YINGYONGBAO', reading: reading('YINGYONGBAO') },
    ]);
    expect(ok).toMatchObject({ outcome: { ok: true, partial: false }, coverage: null });
    expect(ok.storeListings).toHaveLength(2);
    const partial = appSnapshot(target, ctx, [
      { store: 'HUAWEI', reading: reading('HUAWEI') },
      { store: 'YINGYONGBAO', error: new CrawlError('RATE_LIMITED', 'slow down', { httpStatus: 429 }) },
    ]);
    expect(partial.outcome).toEqual({ ok: true, partial: true });
    expect(partial.appReleases.map((r) => r.store)).toEqual(['HUAWEI']);
  });

  it('fails when no store answered; a refusal outranks "not listed" and both messages are kept', () => {
    const failed = appSnapshot(target, ctx, [
      { store: 'HUAWEI', error: new CrawlError('NOT_FOUND', 'gone', { httpStatus: 200 }) },
      { store: 'YINGYONGBAO', error: new CrawlError('RATE_LIMITED', 'slow down', { httpStatus: 429 }) },
    ]);
    expect(failed.outcome).toMatchObject({
      ok: false,
      kind: 'RATE_LIMITED',
      httpStatus: 429,
      retryable: true,
      message: 'HUAWEI: gone; YINGYONGBAO: slow down',
    });
    expect(failed.coverage).toBeNull();
  });
});
