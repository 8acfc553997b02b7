import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HttpClient, HttpRequest } from '@/crawlers/http';
import { sandboxOrigins } from '@/crawlers/origins';
import { cgiDataField, parseArticlePage, scriptVar } from '@/crawlers/platforms/wechat/article';
import { appmsgListArticles } from '@/crawlers/platforms/wechat/mp';
import { readArticles } from '@/crawlers/platforms/wechat/pages';
import { weiboCrawler } from '@/crawlers/platforms/weibo';
import { cardPosts, isStillTruncated, mblogCards } from '@/crawlers/platforms/weibo/parse';
import { parseRenderData } from '@/crawlers/platforms/weibo/render-data';
import { parseWeiboTime } from '@/crawlers/platforms/weibo/values';
import { detailItem } from '@/crawlers/platforms/yingyongbao/page';
import { nextDataSchema } from '@/crawlers/platforms/yingyongbao/schemas';
import { boundedJson, ParseIssues } from '@/crawlers/tolerant';
import type { CrawlContext, CrawlTarget } from '@/crawlers/types';
import { PARSE_ISSUE_RAW_MAX } from '@/lib/schemas/snapshot';

// One test per case of issue 11 that the real corpus alone does not show. Inline snippets are minimal shapes of the
// fields in question, not captures: real captures live in tests/fixtures/real (see its SOURCES.md).

const REAL = new URL('../../fixtures/real/', import.meta.url);
const real = (path: string) => readFileSync(new URL(path, REAL), 'utf8');
const NOW_2019 = new Date('2019-06-15T12:00:00+08:00');

type Route = (url: URL) => { status?: number; body: string } | undefined;

/** An HttpClient answering from a route table; requests are recorded (paths without the sandbox host prefix). */
function fakeHttp(route: Route) {
  const requests: URL[] = [];
  const fetchText = async (request: HttpRequest) => {
    const url = new URL(request.url);
    url.pathname = url.pathname.replace(/^\/m\.weibo\.cn/, '');
    requests.push(url);
    const answer = route(url) ?? { status: 404, body: '' };
    return { status: answer.status ?? 200, url: request.url, headers: new Headers(), text: answer.body };
  };
  const http = { fetchText, fetchJson: () => Promise.reject(new Error('unused')), guard: {} } as unknown as HttpClient;
  return { http, requests };
}

const ctxWith = (http: HttpClient, now: Date): CrawlContext => ({
  now,
  http,
  origins: sandboxOrigins('http://fake.invalid'),
});
const weiboTarget = (overrides: Partial<CrawlTarget> = {}): CrawlTarget => ({
  accountId: 'acc',
  platform: 'WEIBO',
  handle: '1669879400',
  displayName: 'x',
  since: new Date('2019-05-20T00:00:00+08:00'),
  crawlConfig: { weibo: { commentPages: 0 } },
  ...overrides,
});
const ok = (data: unknown) => ({ body: JSON.stringify({ ok: 1, data }) });
const realData = (name: string) => (JSON.parse(real(`weibo/${name}`)) as { data: unknown }).data;

describe('Weibo', () => {
  it('reads N秒前 (it used to be null and failed the whole crawl)', () => {
    expect(parseWeiboTime('30秒前', NOW_2019)?.toISOString()).toBe(new Date(NOW_2019.getTime() - 30_000).toISOString());
    expect(parseWeiboTime('5秒钟前', NOW_2019)?.getTime()).toBe(NOW_2019.getTime() - 5000);
  });

  it('accepts page_title: null in /statuses/show and $render_data too (one schema serves all three)', () => {
    const status = {
      id: '1',
      created_at: 'Sat Jun 15 11:44:46 +0800 2019',
      text: 't',
      page_info: { type: 'webpage', page_title: null },
      source: null,
      bid: null,
    };
    const html = `<script>var $render_data = [${JSON.stringify({ status })}][0] || {};</script>`;
    expect(parseRenderData(html)).toMatchObject({ id: '1', page_info: { page_title: null } });
  });

  it('a malformed card drops alone and is recorded with its raw JSON and zod path', () => {
    const cards = (realData('2019-06-timeline-getIndex-page.json') as { cards: Record<string, unknown>[] }).cards;
    const broken = { ...cards[2], mblog: { ...(cards[2]?.mblog as object), created_at: 42 } };
    const unreadableDate = { ...cards[3], mblog: { ...(cards[3]?.mblog as object), created_at: '上周三' } };
    const issues = new ParseIssues();
    const posts = cardPosts(
      mblogCards([cards[0], broken, unreadableDate, cards[4]], issues),
      '1669879400',
      NOW_2019,
      issues,
    );
    expect(posts.map((p) => p.platformPostId)).toEqual(['4383183661430868', '4381207217392722']);
    expect(issues.list.map((i) => [i.endpoint, i.itemKey, i.path])).toEqual([
      ['weibo:getIndex/timeline', '4382054705416396', 'mblog.created_at'],
      ['weibo:getIndex/timeline', '4381312410216312', '(mapping)'],
    ]);
    expect(JSON.parse(issues.list[0]?.rawJson ?? '{}')).toEqual(broken);
  });

  it('pages the older API by `page` when the answer has no since_id, instead of calling page 1 complete', async () => {
    const { http, requests } = fakeHttp((url) => {
      if (url.pathname !== '/api/container/getIndex') return undefined;
      if (!url.searchParams.get('containerid')) return ok(realData('2019-06-profile-getIndex.json'));
      if (!url.searchParams.get('page')) return ok(realData('2019-06-timeline-getIndex-page.json'));
      return { body: JSON.stringify({ ok: 0, msg: '这里还没有内容', data: { cards: [] } }) };
    });
    const snapshot = await weiboCrawler.crawl(weiboTarget(), ctxWith(http, NOW_2019));
    expect(requests.filter((u) => u.searchParams.get('containerid')).map((u) => u.searchParams.get('page'))).toEqual([
      null,
      '2',
    ]);
    expect(snapshot.outcome).toEqual({ ok: true, partial: false });
    expect(snapshot.posts).toHaveLength(10);
  });

  it('takes a detail page whose text is whole although it says isLongText: true', async () => {
    const whole = '第一段。<br />第二段，全文到此结束。';
    const cut = '第一段。 ...<a href="/status/4383183661430868">全文</a>';
    expect(isStillTruncated({ isLongText: true, text: whole })).toBe(false);
    expect(isStillTruncated({ isLongText: true, text: cut })).toBe(true);
    const page = realData('2019-06-timeline-getIndex-page.json') as {
      cards: Record<string, Record<string, unknown>>[];
    };
    const card = { ...page.cards[0], mblog: { ...page.cards[0]?.mblog, isLongText: true, text: cut } };
    const { http } = fakeHttp((url) => {
      if (url.pathname === '/statuses/extend') return { body: JSON.stringify({ ok: 0, msg: '' }) };
      if (url.pathname === '/detail/4383183661430868') {
        return {
          body: `<script>var $render_data = [${JSON.stringify({ status: { ...card.mblog, text: whole } })}][0] || {};</script>`,
        };
      }
      if (!url.searchParams.get('containerid')) return ok(realData('2019-06-profile-getIndex.json'));
      return ok({ cardlistInfo: {}, cards: [card] });
    });
    const snapshot = await weiboCrawler.crawl(weiboTarget(), ctxWith(http, NOW_2019));
    expect(snapshot.outcome).toEqual({ ok: true, partial: false });
    expect(snapshot.posts[0]?.text).toBe('第一段。\n第二段，全文到此结束。');
  });

  it('reads hotflow ok:0 with an empty msg as "comments not read" (partial), not as "no comments"', async () => {
    const { http } = fakeHttp((url) => {
      if (url.pathname === '/comments/hotflow') return { body: JSON.stringify({ ok: 0, msg: '' }) };
      if (!url.searchParams.get('containerid')) return ok(realData('2019-06-profile-getIndex.json'));
      const page = realData('2019-06-timeline-getIndex-page.json') as { cards: unknown[] };
      return ok({ cardlistInfo: {}, cards: page.cards.slice(0, 1) });
    });
    const snapshot = await weiboCrawler.crawl(
      weiboTarget({ crawlConfig: { weibo: { commentPages: 1 } } }),
      ctxWith(http, NOW_2019),
    );
    expect(snapshot.posts[0]?.commentsCount).toBeGreaterThan(0);
    expect(snapshot.posts[0]?.comments).toEqual([]);
    expect(snapshot.outcome).toEqual({ ok: true, partial: true });
  });
});

describe('WeChat', () => {
  it('dates an appmsg list item that has update_time and no create_time', () => {
    const issues = new ParseIssues();
    const [article] = appmsgListArticles(
      [
        {
          aid: '2652917055_2',
          appmsgid: 2652917055,
          itemidx: 2,
          title: 't',
          digest: 'd',
          link: 'http://mp.weixin.qq.com/s?__biz=x',
          update_time: 1510030317,
        },
      ],
      issues,
    );
    expect(issues.list).toEqual([]);
    expect(article?.publishedAt.getTime()).toBe(1510030317 * 1000);
    expect(appmsgListArticles([{ aid: '1_1', title: 't', link: 'l' }], issues)).toEqual([]);
    expect(issues.list[0]).toMatchObject({ endpoint: 'wechat:appmsg/list_ex', itemKey: '1_1', path: 'create_time' });
  });

  it('takes the last non-empty alternative of window.x = "" || "X" chains (2025 style)', () => {
    const html =
      "<script>window.biz = '' || 'MzI0NTAwMDAwMQ==';\nwindow.mid = '' || '' || '2247500001';\nvar empty = '' || '';</script>";
    expect(scriptVar(html, 'biz')).toBe('MzI0NTAwMDAwMQ==');
    expect(scriptVar(html, 'mid')).toBe('2247500001');
    expect(scriptVar(html, 'empty')).toBeNull();
  });

  it('reads image (item_show_type 8) and text (10) posts from window.cgiData instead of calling them unknown', () => {
    const cgi = (type: number, header: string) => `<html><body>${header}<script>
      var item_show_type = "${type}";
      window.cgiData = {
        title: JsDecode('\\x27\\u6c5f\\u5ddd\\u53d1\\u5e03\\x27'),
        nick_name: JsDecode('\\u6c5f\\u5ddd\\u53d1\\u5e03'),
        user_name: JsDecode('gh_0a1b2c3d4e5f'),
        create_time: '1762338600' * 1,
        content_noencode: JsDecode('\\x3cp\\x3e\\u4eca\\u65e5\\u4f9b\\u6696\\u542f\\u52a8\\x3c/p\\x3e'),
      };
    </script></body></html>`;
    for (const [type, header] of [
      [8, ''],
      [10, '<div id="js_content"><h1>页面标题栏</h1></div>'],
    ] as const) {
      const page = parseArticlePage(cgi(type, header));
      expect(page).toMatchObject({
        kind: 'article',
        itemShowType: type,
        accountName: '江川发布',
        userName: 'gh_0a1b2c3d4e5f',
        text: '今日供暖启动',
      });
      expect(page.kind === 'article' && page.publishedAt?.getTime()).toBe(1762338600 * 1000);
    }
    expect(cgiDataField('<p>no data</p>', 'nick_name')).toBeNull();
  });

  it('reads only top-level keys of window.cgiDataNew; without ct, mid, idx, biz it uses ori_create_time, mid, idx, bizuin', () => {
    // Minimal inline shape of the real 2025–2026 pages (tests/fixtures/real/wechat/2025-*): not a capture.
    const html = `<script>
      window.cgiDataNew = {
        base_resp: { ret: '0' * 1, nick_name: JsDecode('nested, not the account') },
        desc: JsDecode('a value that says , nick_name: \\x27inside a string\\x27'),
        // nick_name: 'in a comment'
        nick_name: JsDecode('江川发布'),
        create_time: JsDecode('2025-11-05 18:30'),
        ori_create_time: '1762338600' * 1,
        content_noencode: JsDecode('今日供暖启动'),
        signature: JsDecode('江川市人民政府新闻办公室'),
        bizuin: JsDecode('MzkwMDAwMDAwMQ=='),
        mid: '2247500001' * 1,
        idx: '2' * 1,
        item_show_type: '10' * 1,
      };
    </script>`;
    expect(cgiDataField(html, 'nick_name')).toBe('江川发布');
    expect(cgiDataField(html, 'ret')).toBeNull();
    const page = parseArticlePage(html);
    expect(page).toMatchObject({
      kind: 'article',
      itemShowType: 10,
      accountName: '江川发布',
      text: '今日供暖启动',
      signature: '江川市人民政府新闻办公室',
      biz: 'MzkwMDAwMDAwMQ==',
      aid: '2247500001_2',
    });
    expect(page.kind === 'article' && page.publishedAt?.getTime()).toBe(1762338600 * 1000);
  });
});

describe('WeChat article pages in a crawl (real 2025–2026 captures served by a fake client)', () => {
  it('keeps image and text posts as read posts and a deleted page as a deletion, without marking the crawl partial', async () => {
    // Before cgiDataNew was read, the image post was "unknown": the crawl fell back to the list digest and went partial.
    const pages: Record<string, string> = {
      image: real('wechat/2025-12-image-post-cgiDataNew.html'),
      text: real('wechat/2025-01-text-post-cgiDataNew.html'),
      gone: real('wechat/2025-11-deleted-image-post.html'),
    };
    const { http, requests } = fakeHttp((url) => {
      const page = pages[url.pathname.split('/').at(-1) ?? ''];
      return page === undefined ? undefined : { body: page };
    });
    const listed = ['image', 'text', 'gone'].map((id) => ({
      id,
      url: `https://mp.weixin.qq.com/s/${id}`,
      title: `list title ${id}`,
      digest: `list digest ${id}`,
      publishedAt: new Date('2025-12-18T09:13:08Z'),
      deleted: false,
    }));
    const result = await readArticles(ctxWith(http, new Date('2025-12-19T00:00:00Z')), listed, 10);
    expect(requests).toHaveLength(3);
    expect(result.partial).toBe(false);
    expect(result.deletedIds).toEqual(['gone']);
    expect(result.posts.map((p) => [p.platformPostId, p.title, p.text.split('\n')[0]])).toEqual([
      ['image', '20251218 警惕技术泡沫', '分享三个观察：'],
      ['text', '春节期间，如何利用碎片时间提升英语/数学水平？', '一、英语提升'],
    ]);
    expect(result.firstPage).toMatchObject({ accountName: '趋势动物小程序说明书', userName: 'gh_03ba256a8f7e' });
  });
});

describe('应用宝', () => {
  const page = (components: unknown[]) =>
    nextDataSchema.parse({ props: { pageProps: { dynamicCardResponse: { ret: 0, data: { components } } } } });
  const item = { name: '江川通', pkg_name: 'gov.jiangchuan.app', version_name: '3.2.1', update_time: '1742256000' };

  it('selects the detail item by cardId yybn_game_basic_info, by GameDetail, or by package name', () => {
    expect(
      detailItem(
        page([
          { cardId: 'yybn_recommend', data: { name: 'YouMayAlsoLike', itemData: [{ pkg_name: 'other' }] } },
          { cardId: 'yybn_game_basic_info', data: { name: 'x', itemData: [item] } },
        ]),
        item.pkg_name,
      ),
    ).toEqual(item);
    expect(
      detailItem(page([{ data: { name: 'GameDetail', itemData: JSON.stringify([item]) } }]), item.pkg_name),
    ).toEqual(item);
    expect(
      detailItem(page([{ data: { name: 'Unknown', itemData: [{ pkg_name: 'other' }, item] } }]), item.pkg_name),
    ).toEqual(item);
  });
});

describe('parse issues', () => {
  it('bound the raw JSON they keep', () => {
    const raw = boundedJson({ text: 'x'.repeat(PARSE_ISSUE_RAW_MAX * 2) });
    expect(raw.length).toBeLessThanOrEqual(PARSE_ISSUE_RAW_MAX);
    expect(raw).toMatch(/…\[\d+ chars\]$/);
  });
});
