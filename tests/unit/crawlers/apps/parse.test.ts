import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  toListing as itunesListing,
  toProfile as itunesProfile,
  toRelease as itunesRelease,
} from '@/crawlers/platforms/appstore/parse';
import { itunesEnvelopeSchema, itunesSoftwareSchema, softwareResults } from '@/crawlers/platforms/appstore/schemas';
import {
  readAppInfo,
  readStarInfo,
  toListing as huaweiListing,
  toRelease as huaweiRelease,
} from '@/crawlers/platforms/huawei/parse';
import { componentItems, readNextData, updateDateOf } from '@/crawlers/platforms/yingyongbao/page';
import { toRelease as yybRelease } from '@/crawlers/platforms/yingyongbao/parse';
import { detailItemSchema } from '@/crawlers/platforms/yingyongbao/schemas';
import type { HttpTextResponse } from '@/crawlers/http';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/apps/${name}`, import.meta.url), 'utf8');
const response = (text: string, status = 200): HttpTextResponse => ({
  status,
  url: 'https://example.invalid/x',
  headers: new Headers(),
  text,
});
const page = (html: string, status = 200) => ({
  status,
  url: 'https://sj.qq.com/appdetail/cn.gov.jiangchuan.jctong',
  html,
});
const kindOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { kind?: string }).kind ?? 'not a CrawlError';
  }
};

describe('App Store lookup (spec §3.1 example)', () => {
  const body = itunesEnvelopeSchema.parse(JSON.parse(fixture('itunes-lookup.json')));
  const app = itunesSoftwareSchema.parse(softwareResults(body.results)[0]);

  it('maps the D7 inputs: current version date, rating with its count, legal seller', () => {
    expect(itunesRelease(app)).toEqual({
      store: 'APP_STORE',
      version: '3.2.1',
      releasedAt: new Date('2025-03-18T02:00:00Z'),
      rating: 2.47,
      ratingCount: 312,
      sellerName: '江川市大数据发展管理局',
      sellerId: '1700000001',
      appName: '江川通',
      hasFeedbackChannel: null,
    });
  });

  it('keeps the listing URL and the icon path without its size', () => {
    expect(itunesListing(app)).toMatchObject({
      storeAppId: '6400000001',
      url: expect.stringContaining('/id6400000001'),
    });
    expect(itunesProfile(app)).toMatchObject({
      displayName: '江川通',
      avatarHash: '/image/thumb/Purple/v4/aa/bb/cc/icon',
    });
  });

  it('drops non-software results of a search and reads the rest', () => {
    const search = itunesEnvelopeSchema.parse(JSON.parse(fixture('itunes-search.json')));
    const apps = softwareResults(search.results).map((r) => itunesSoftwareSchema.parse(r));
    expect(apps.map((a) => a.trackId)).toEqual([6400000001, 6499999001]);
    expect(itunesRelease(apps[1]!)).toMatchObject({
      releasedAt: new Date('2026-10-16T00:00:00Z'),
      sellerName: '江川某某网络科技有限公司',
    });
  });

  it('treats resultCount 0 as an empty software list', () => {
    expect(softwareResults(itunesEnvelopeSchema.parse({ resultCount: 0, results: [] }).results)).toEqual([]);
  });
});

describe('AppGallery app info and star info (spec §3.2 example)', () => {
  const app = readAppInfo(response(fixture('huawei-appinfo.json')), 'pkgName=cn.gov.jiangchuan.jctong');

  it('strips NULs, reads epoch-millisecond release dates and takes the rating from the double-encoded starInfo', () => {
    expect(app.newFeatures).toBe('修复已知问题');
    const stars = readStarInfo(response(fixture('huawei-page-detail.json')));
    expect(stars).toMatchObject({ averageRating: 2.6, fullAverageRating: 2.61, totalStarRatingCount: 187 });
    expect(huaweiRelease(app, stars)).toEqual({
      store: 'HUAWEI',
      version: '3.2.1',
      releasedAt: new Date(1742263200000),
      rating: 2.61,
      ratingCount: 187,
      sellerName: '江川市大数据发展管理局',
      sellerId: '860000000000000001',
      appName: '江川通',
      hasFeedbackChannel: null,
    });
    expect(huaweiListing(app)).toMatchObject({
      storeAppId: 'C100000001',
      url: 'https://appgallery.huawei.com/app/C100000001',
    });
  });

  it('falls back to rateNum when the comment card is missing', () => {
    const stars = readStarInfo(
      response(
        JSON.stringify({ pages: [{ data: { cardlist: { layoutData: [{ type: 'fl.card.appdetail', data: [] }] } } }] }),
      ),
    );
    expect(stars).toBeNull();
    expect(huaweiRelease(app, stars)).toMatchObject({ rating: null, ratingCount: 187 });
  });

  it('reads an empty body or one without appId as not listed, and a broken one as a parse error', () => {
    expect(kindOf(() => readAppInfo(response(''), 'x'))).toBe('NOT_FOUND');
    expect(kindOf(() => readAppInfo(response('{"AG-TraceId":"1"}'), 'x'))).toBe('NOT_FOUND');
    expect(kindOf(() => readAppInfo(response('{"appId":"C1","name":"x"'), 'x'))).toBe('PARSE');
    expect(kindOf(() => readAppInfo(response('{"appId":"C1","name":"x","pkgName":"p"}'), 'x'))).toBe('PARSE');
  });
});

describe('应用宝 page data (spec §3.3 paths)', () => {
  it('reads the GameDetail item from double-encoded itemData and the update date from the DOM', () => {
    const html = fixture('yingyongbao-detail.html');
    const item = detailItemSchema.parse(
      componentItems(readNextData(page(html), 'cn.gov.jiangchuan.jctong'), 'GameDetail')?.[0],
    );
    expect(item).toMatchObject({
      name: '江川通',
      pkg_name: 'cn.gov.jiangchuan.jctong',
      developer: '江川市大数据发展管理局',
      version_name: '3.2.1',
      average_rating: 2.8,
    });
    expect(yybRelease(item, updateDateOf(html))).toEqual({
      store: 'YINGYONGBAO',
      version: '3.2.1',
      releasedAt: new Date('2025-03-18T00:00:00+08:00'),
      rating: 2.8,
      ratingCount: null,
      sellerName: '江川市大数据发展管理局',
      sellerId: null,
      appName: '江川通',
      hasFeedbackChannel: null,
    });
  });

  it.each([
    ['更新时间：2025/3/8', '2025-03-08T00:00:00+08:00'],
    ['<span>更新时间</span><span>2025年03月18日</span>', '2025-03-18T00:00:00+08:00'],
    ['版本号3.2.1', null],
  ])('updateDateOf(%s)', (html, expected) => expect(updateDateOf(html)).toEqual(expected ? new Date(expected) : null));

  it('maps the error page, a verification page, a page without data and ret ≠ 0 to distinct outcomes', () => {
    expect(kindOf(() => readNextData(page(fixture('yingyongbao-error.html')), 'p'))).toBe('NOT_FOUND');
    expect(kindOf(() => readNextData(page('<html><head><title>404 找不到页面</title></head></html>'), 'p'))).toBe(
      'NOT_FOUND',
    );
    expect(
      kindOf(() =>
        readNextData(page('<html><head><title>安全验证</title></head><body>请完成安全验证</body></html>'), 'p'),
      ),
    ).toBe('BLOCKED');
    expect(kindOf(() => readNextData(page('<html><body><div id="__next"></div></body></html>'), 'p'))).toBe('PARSE');
    const failed =
      '<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"dynamicCardResponse":{"ret":-1,"msg":"system busy"}}}}</script>';
    expect(kindOf(() => readNextData(page(failed), 'p'))).toBe('HTTP');
  });
});
