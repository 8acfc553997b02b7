import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParseIssues } from '@/crawlers/tolerant';
import { parseArticlePage, scriptVar } from '@/crawlers/platforms/wechat/article';
import { isFakeid, parseWechatConfig, planRoute } from '@/crawlers/platforms/wechat/config';
import { publishedArticles } from '@/crawlers/platforms/wechat/mp';
import { officialPosts } from '@/crawlers/platforms/wechat/official';
import { articleFetchUrl, canonicalLink } from '@/crawlers/platforms/wechat/pages';
import { toProfile } from '@/crawlers/platforms/wechat/profile';
import {
  appmsgListSchema,
  appmsgpublishSchema,
  batchgetSchema,
  searchbizSchema,
} from '@/crawlers/platforms/wechat/schemas';
import { mpError, officialError } from '@/crawlers/platforms/wechat/status';
import type { CrawlTarget } from '@/crawlers/types';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/wechat/${name}`, import.meta.url), 'utf8');
const json = (name: string): unknown => JSON.parse(fixture(name));
const PUBLISHED = new Date(1795429800 * 1000);

describe('wechat article page', () => {
  it.each(['article.html', 'article-2019.html'])(
    'reads the script variables of %s (#publish_time is empty)',
    (name) => {
      const page = parseArticlePage(fixture(name), 'https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOpQrStUv');
      expect(page).toMatchObject({
        kind: 'article',
        title: '江川市冬季供暖今起全面启动',
        author: '江川市新闻办',
        accountName: '江川发布',
        userName: 'gh_0a1b2c3d4e5f',
        alias: 'jiangchuanfabu',
        biz: 'MzkwMDAwMDAwMQ==',
        aid: '2247500001_1',
        publishedAt: PUBLISHED,
        ipProvince: '浙江',
        itemShowType: 0,
        signature: '江川市人民政府新闻办公室官方公众号',
        links: ['https://www.jiangchuan.gov.cn/zjj/gnzx.html'],
        sourceUrl: null,
      });
      if (page.kind !== 'article') throw new Error('not an article');
      expect(page.text).toBe(
        '11月24日起，全市集中供暖全面启动，老旧小区管网已完成注水调试。\n\n供暖咨询：江川市住建局，热线 12345。',
      );
    },
  );

  it.each([
    ['deleted.html', 'DELETED'],
    ['violation.html', 'VIOLATION'],
    ['unavailable.html', 'UNAVAILABLE'],
    ['captcha.html', 'CAPTCHA'],
  ])('classifies the status page %s as %s', (name, state) => {
    expect(parseArticlePage(fixture(name))).toEqual({ kind: 'status', state });
  });

  it('tells other status pages apart and never reads an unknown page as an empty article', () => {
    expect(parseArticlePage('<p>此帐号已自主注销，内容无法查看</p>')).toEqual({
      kind: 'status',
      state: 'ACCOUNT_CLOSED',
    });
    expect(
      parseArticlePage(
        "<p>该公众号已迁移</p><script>var transfer_target_link = 'https://mp.weixin.qq.com/s/x';</script>",
      ),
    ).toEqual({ kind: 'status', state: 'ACCOUNT_MIGRATED' });
    expect(parseArticlePage('<p>访问过于频繁，请稍后再试</p>')).toEqual({ kind: 'status', state: 'RATE_LIMITED' });
    expect(parseArticlePage('<html><body>hello</body></html>')).toEqual({ kind: 'unknown' });
  });

  it('decodes escaped script values and entities', () => {
    expect(scriptVar("var msg_title = 'A\\x26B &quot;C&quot;'.html(false);", 'msg_title')).toBe('A&B "C"');
    expect(scriptVar("var comment_id = '0' || '0';", 'comment_id')).toBe('0');
    expect(scriptVar("var msg_source_url = '';", 'msg_source_url')).toBeNull();
  });

  it('maps mp.weixin.qq.com links onto the configured origin and canonicalises them', () => {
    expect(
      articleFetchUrl(
        'http://mp.weixin.qq.com/s?__biz=MzkwMDAwMDAwMQ==&mid=1&idx=1#rd',
        'http://127.0.0.1:9/mp.weixin.qq.com',
      ),
    ).toBe('http://127.0.0.1:9/mp.weixin.qq.com/s?__biz=MzkwMDAwMDAwMQ==&mid=1&idx=1');
    expect(articleFetchUrl('https://evil.example/s/x', 'http://127.0.0.1:9/mp.weixin.qq.com')).toBeNull();
    expect(canonicalLink('http://mp.weixin.qq.com/s?mid=1&idx=1#rd')).toBe('https://mp.weixin.qq.com/s?mid=1&idx=1');
  });
});

describe('wechat list formats', () => {
  it('unwraps the double-encoded publish_page with the event time', () => {
    const data = appmsgpublishSchema.parse(json('appmsgpublish.json'));
    const articles = publishedArticles(data.publish_page ?? '', new ParseIssues());
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      aid: '2247500001_1',
      title: '江川市冬季供暖今起全面启动',
      is_deleted: false,
      author_name: '江川市新闻办',
      link: 'https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOpQrStUv',
    });
    expect(articles[0]?.publishedAt).toEqual(new Date(1795429805 * 1000));
  });

  it('skips events with an empty publish_info; a malformed article or event drops alone and is recorded', () => {
    const issues = new ParseIssues();
    expect(
      publishedArticles(JSON.stringify({ publish_list: [{ publish_type: 101, publish_info: '' }] }), issues),
    ).toEqual([]);
    expect(issues.any).toBe(false);
    const good = { aid: '2247500001_1', title: '通知', link: 'https://mp.weixin.qq.com/s/a', create_time: 1795429800 };
    const page = {
      publish_list: [{ publish_info: JSON.stringify({ appmsgex: [{ aid: 1 }, good] }) }, { publish_info: '{not json' }],
    };
    expect(publishedArticles(JSON.stringify(page), issues).map((a) => a.aid)).toEqual(['2247500001_1']);
    expect(issues.list.map((i) => [i.endpoint, i.itemKey, i.path])).toEqual([
      ['wechat:appmsgpublish/list_ex', '1', 'link'],
      ['wechat:appmsgpublish/list_ex', null, '(mapping)'],
    ]);
  });

  it('reads the older appmsg list and searchbiz', () => {
    expect(appmsgListSchema.parse(json('appmsg.json')).app_msg_list?.[0]).toMatchObject({
      aid: '2247500001_1',
      create_time: 1795429800,
    });
    const hits = searchbizSchema.parse(json('searchbiz.json')).list ?? [];
    expect(hits.map((h) => [h.fakeid, h.verify_status])).toEqual([
      ['MzkwMDAwMDAwMQ==', 2],
      ['MzkwMDAwMDAwMg==', 0],
    ]);
    expect(toProfile({ biz: hits[0] ?? null, page: null })).toMatchObject({
      displayName: '江川发布',
      isVerified: true,
      avatarHash: 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789',
    });
    expect(toProfile({ biz: hits[1] ?? null, page: null })?.isVerified).toBe(false);
  });

  it('maps batchget news items to posts with the 留言 flag', () => {
    const { posts, deletedIds } = officialPosts(batchgetSchema.parse(json('batchget.json')).item);
    expect(deletedIds).toEqual([]);
    expect(posts).toEqual([
      expect.objectContaining({
        platformPostId: 'Jc3xAbCdEfGhIjKlMnOpQrStUvWxYz0123456789_1',
        title: '江川市冬季供暖今起全面启动',
        text: '11月24日起全市集中供暖全面启动',
        commentsEnabled: true,
        publishedAt: new Date(1795429805 * 1000),
      }),
    ]);
  });
});

describe('wechat error codes and routes', () => {
  it.each([
    [200003, 'LOGIN_WALL', false],
    [200013, 'RATE_LIMITED', true],
    [200002, 'HTTP', false],
  ] as const)('MP ret %s → %s', (ret, kind, retryable) => expect(mpError(ret, 'x')).toMatchObject({ kind, retryable }));

  it.each([
    [45009, 'data', 'RATE_LIMITED', false],
    [45011, 'data', 'RATE_LIMITED', true],
    [40164, 'token', 'AUTH', false],
    [40001, 'token', 'AUTH', false],
    [42001, 'data', 'AUTH', false],
    [-1, 'data', 'HTTP', true],
  ] as const)('official errcode %s (%s) → %s', (code, phase, kind, retryable) =>
    expect(officialError(code, 'x', phase)).toMatchObject({ kind, retryable }),
  );

  const target = (credential: unknown, crawlConfig: unknown = {}): CrawlTarget => ({
    accountId: 'a',
    platform: 'WECHAT',
    handle: 'gh_0a1b2c3d4e5f',
    displayName: '江川发布',
    crawlConfig,
    since: new Date(0),
    credential,
  });

  it('picks the route from the credential kind unless the config names one', () => {
    const plan = (credential: unknown, config: unknown = {}) =>
      planRoute(target(credential, config), parseWechatConfig(config)).route;
    expect(plan({ appId: 'wx1', appSecret: 's' })).toBe('official');
    expect(plan({ cookie: 'slave_sid=abc', token: '123456' })).toBe('mp');
    expect(plan(undefined)).toBe('rss');
    expect(plan(undefined, { route: 'RSS_BRIDGE', weMpRssId: 'MzkwMD' })).toBe('rss');
    expect(() => plan({ cookie: 'c', token: '1' }, { route: 'official' })).toThrow(
      expect.objectContaining({ kind: 'AUTH' }),
    );
    expect(() => parseWechatConfig({ route: 'sogou' })).toThrow(expect.objectContaining({ kind: 'INTERNAL' }));
  });

  it('never puts credential values into the route error', () => {
    try {
      planRoute(target({ appid: 'wx1', secret: '' }, { route: 'official' }), parseWechatConfig({ route: 'official' }));
    } catch (error) {
      expect(String(error)).not.toContain('wx1');
      return;
    }
    throw new Error('expected an AUTH error');
  });

  it('recognises a fakeid', () => {
    expect(isFakeid('MzkwMDAwMDAwMQ==')).toBe(true);
    expect(isFakeid('gh_0a1b2c3d4e5f')).toBe(false);
    expect(isFakeid('jiangchuanfabu')).toBe(false);
  });
});
