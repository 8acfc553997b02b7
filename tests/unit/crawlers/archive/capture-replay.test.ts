import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { captureHttp } from '@/crawlers/archive/capture';
import { endpointOf, requestKey } from '@/crawlers/archive/endpoint';
import { replayHttp } from '@/crawlers/archive/replay';
import { CrawlError } from '@/crawlers/errors';
import type { HttpClient, HttpRequest } from '@/crawlers/http';
import { createAddressGuard } from '@/crawlers/net/address-guard';

const AT = new Date('2026-10-10T04:00:00Z');

/** A fake upstream: a fixed body per URL, 418 for `/blocked`. */
function fakeHttp(bodies: Record<string, string>): HttpClient {
  const fetchText = async (request: HttpRequest) => {
    if (request.url.includes('/blocked'))
      throw new CrawlError('RATE_LIMITED', `HTTP 418 from ${request.url}`, { httpStatus: 418 });
    const text = bodies[request.url];
    if (text === undefined) throw new CrawlError('NOT_FOUND', 'HTTP 404', { httpStatus: 404 });
    return { status: 200, url: request.url, headers: new Headers({ 'content-type': 'application/json' }), text };
  };
  return {
    fetchText,
    fetchJson: async () => {
      throw new Error('unused');
    },
    guard: createAddressGuard({ allowHosts: [] }),
  };
}

describe('request keys and interface names', () => {
  it('strip credential values from the key, so a rotated token still finds its answer', () => {
    expect(requestKey('get', 'https://api.weixin.qq.com/cgi-bin/user?access_token=SECRET1&openid=x')).toBe(
      requestKey('GET', 'https://api.weixin.qq.com/cgi-bin/user?access_token=SECRET2&openid=x'),
    );
    expect(requestKey('GET', 'https://api.weixin.qq.com/cgi-bin/user?access_token=SECRET1')).not.toContain('SECRET1');
  });

  it('name the known interfaces as their parse issues do', () => {
    expect(endpointOf('WEIBO', 'https://m.weibo.cn/api/container/getIndex?type=uid&value=1&containerid=1076031')).toBe(
      'weibo:getIndex/timeline',
    );
    expect(endpointOf('WEIBO', 'http://127.0.0.1:4010/m.weibo.cn/api/container/getIndex?type=uid&value=1')).toBe(
      'weibo:getIndex/profile',
    );
    expect(endpointOf('WEIBO', 'https://m.weibo.cn/comments/hotflow?id=5&mid=5')).toBe('weibo:comments/hotflow');
    expect(endpointOf('WECHAT', 'https://mp.weixin.qq.com/cgi-bin/appmsgpublish?sub=list&begin=0')).toBe(
      'wechat:appmsgpublish/list_ex',
    );
    expect(endpointOf('WECHAT', 'https://mp.weixin.qq.com/cgi-bin/appmsg?action=list_ex&begin=0')).toBe(
      'wechat:appmsg/list_ex',
    );
    expect(endpointOf('APP_STORE', 'https://itunes.apple.com/lookup?id=123456789')).toBe('app-store:lookup');
    expect(endpointOf('WEIBO', 'https://m.weibo.cn/detail/5123456789')).toBe('weibo:detail/:id');
  });
});

describe('capture and replay', () => {
  const bodies = { 'https://x.test/a?token=T1': '{"n":1}', 'https://x.test/b': '{"n":2}' };

  it('capture keeps bodies, errors and parse failures in request order, without secrets in URLs', async () => {
    const capture = captureHttp(fakeHttp(bodies), { platform: 'WEIBO', now: () => AT });
    await capture.http.fetchText({ url: 'https://x.test/a?token=T1' });
    await expect(capture.http.fetchText({ url: 'https://x.test/blocked' })).rejects.toThrow(CrawlError);
    await expect(
      capture.http.fetchJson({ url: 'https://x.test/b', schema: z.object({ n: z.string() }) }),
    ).rejects.toMatchObject({ kind: 'PARSE' });
    const exchanges = capture.exchanges();
    expect(exchanges.map((e) => [e.seq, e.body, e.errorKind, e.status, e.parseFailed])).toEqual([
      [0, '{"n":1}', null, 200, false],
      [1, null, 'RATE_LIMITED', 418, false],
      [2, '{"n":2}', null, 200, true],
    ]);
    expect(JSON.stringify(exchanges)).not.toContain('T1');
    expect(capture.complete()).toBe(true);
  });

  it('capture never archives a live token: token fields of auth answers are stored as REDACTED', async () => {
    const capture = captureHttp(
      fakeHttp({ 'https://api.test/cgi-bin/token?secret=S': '{"access_token":"LIVE-TOKEN-1","expires_in":7200}' }),
      { platform: 'WECHAT', now: () => AT },
    );
    const response = await capture.http.fetchText({ url: 'https://api.test/cgi-bin/token?secret=S' });
    expect(response.text).toContain('LIVE-TOKEN-1');
    expect(capture.exchanges()[0]?.body).toBe('{"access_token":"REDACTED","expires_in":7200}');
  });

  it('capture drops bodies beyond its bound and says the capture is incomplete', async () => {
    const capture = captureHttp(fakeHttp(bodies), { platform: 'WEIBO', now: () => AT, maxBytes: 10 });
    await capture.http.fetchText({ url: 'https://x.test/a?token=T1' });
    await capture.http.fetchText({ url: 'https://x.test/b' });
    expect(capture.exchanges().map((e) => e.body)).toEqual(['{"n":1}', null]);
    expect(capture.complete()).toBe(false);
  });

  it('replay serves the archived answers by key (another token too), repeats the archived error, and records a miss', async () => {
    const capture = captureHttp(fakeHttp(bodies), { platform: 'WEIBO', now: () => AT });
    await capture.http.fetchText({ url: 'https://x.test/a?token=T1' });
    await capture.http.fetchText({ url: 'https://x.test/blocked' }).catch(() => null);
    const replay = replayHttp(capture.exchanges());
    expect(
      (await replay.http.fetchJson({ url: 'https://x.test/a?token=OTHER', schema: z.object({ n: z.number() }) })).n,
    ).toBe(1);
    await expect(replay.http.fetchText({ url: 'https://x.test/blocked' })).rejects.toMatchObject({
      kind: 'RATE_LIMITED',
      httpStatus: 418,
    });
    expect(replay.misses()).toEqual([]);
    await expect(replay.http.fetchText({ url: 'https://x.test/never' })).rejects.toThrow(/not in the raw archive/);
    expect(replay.misses()).toEqual(['GET https://x.test/never']);
  });
});
