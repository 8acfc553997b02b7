import { describe, expect, it } from 'vitest';
import { feedUrl, parseFeedConfig } from '@/crawlers/platforms/rss';
import { parseWechatConfig, planRoute } from '@/crawlers/platforms/wechat/config';
import type { CrawlContext, CrawlTarget } from '@/crawlers/types';
import { crawlConfigFromColumns } from '@/lib/schemas/account-crawl-columns';

// The import builds crawl_config from columns; these checks read the result with the crawlers' own parsers, so the
// import and the crawlers cannot drift apart silently.

const built = (...args: Parameters<typeof crawlConfigFromColumns>) => {
  const result = crawlConfigFromColumns(...args);
  if ('issues' in result) throw new Error(JSON.stringify(result.issues));
  return result.config;
};
const target = (platform: CrawlTarget['platform'], handle: string, crawlConfig: unknown): CrawlTarget =>
  ({ accountId: 'a', platform, handle, crawlConfig, since: new Date(0) }) as unknown as CrawlTarget;
const ctx = {
  origins: { rsshub: 'https://rsshub.example', weMpRss: 'https://we-mp-rss.example' },
} as unknown as CrawlContext;

describe('crawl columns → crawl_config', () => {
  it('a WeChat account on an RSS bridge is planned on the rss route with its we-mp-rss id', () => {
    const config = built('WECHAT', 'gh_x', { crawl_route: 'RSS_BRIDGE', we_mp_rss_id: 'YCFB001' });
    const parsed = parseWechatConfig(config);
    expect([parsed.route, parsed.weMpRssId]).toEqual(['rss', 'YCFB001']);
    expect(planRoute(target('WECHAT', 'gh_x', config), parsed)).toEqual({ route: 'rss' });
  });

  it('an official-API WeChat account keeps its route and fakeid; the crawler then demands an AppID credential', () => {
    const config = built('WECHAT', 'gh_x', { crawl_route: 'official', wechat_fakeid: 'MzkwMDAwMDAwMQ==' });
    const parsed = parseWechatConfig(config);
    expect([parsed.route, parsed.wechat.fakeid]).toEqual(['official', 'MzkwMDAwMDAwMQ==']);
    expect(() => planRoute(target('WECHAT', 'gh_x', config), parsed)).toThrow(/AppID\/AppSecret/);
  });

  it('feed columns become the feed section the feed crawler turns into a URL', () => {
    const byUrl = built('RSS', 'gov-news', {
      feed_url: 'https://www.example.gov.cn/rss.xml',
      feed_lists_all_items: '是',
    });
    expect(parseFeedConfig(byUrl)).toMatchObject({ url: 'https://www.example.gov.cn/rss.xml', listsAllItems: true });
    expect(feedUrl(target('RSS', 'gov-news', byUrl), ctx, parseFeedConfig(byUrl)).toString()).toBe(
      'https://www.example.gov.cn/rss.xml',
    );
    const byPath = built('KUAISHOU', 'ks1', { rsshub_path: '/kuaishou/user/ks1' });
    expect(feedUrl(target('KUAISHOU', 'ks1', byPath), ctx, parseFeedConfig(byPath)).toString()).toBe(
      'https://rsshub.example/kuaishou/user/ks1?limit=50',
    );
  });

  it('Douyin and Toutiao need no feed column (RSSHub reads their handle); other feed platforms do', () => {
    expect(built('DOUYIN', 'MS4wLjABAAAA', {})).toEqual({});
    expect(crawlConfigFromColumns('WECHAT_CHANNELS', 'sph1', {})).toEqual({
      issues: [
        {
          column: 'feed_url',
          message: 'validation.crawlFeedNeeded',
          params: { platform: 'WECHAT_CHANNELS', anyOf: ['feed_url', 'rsshub_path'] },
        },
      ],
    });
    expect(built('RSS', 'https://www.example.gov.cn/feed', {})).toEqual({});
  });

  it('a column another platform reads is refused instead of being ignored', () => {
    expect(crawlConfigFromColumns('WEIBO', '7400000001', { we_mp_rss_id: 'x' })).toEqual({
      issues: [{ column: 'we_mp_rss_id', message: 'validation.crawlNotForPlatform', params: { platform: 'WEIBO' } }],
    });
    expect(crawlConfigFromColumns('WECHAT', 'gh', { crawl_route: 'mp', feed_url: 'https://a.example/f' })).toEqual({
      issues: [
        {
          column: 'crawl_route',
          message: 'validation.crawlCredentialRouteNoFeed',
          params: { route: 'mp', allOf: ['we_mp_rss_id', 'feed_url', 'rsshub_path', 'feed_lists_all_items'] },
        },
      ],
    });
  });

  it('says each problem as a message key with its values (worded per language by the import), never as English', () => {
    const issuesOf = (...args: Parameters<typeof crawlConfigFromColumns>) => {
      const result = crawlConfigFromColumns(...args);
      return 'issues' in result ? result.issues : [];
    };
    expect(
      issuesOf('APP_ANDROID', 'cn.gov.app', {
        android_stores: 'GOOGLE_PLAY',
        huawei_app_id: '100000001',
        app_search_terms: 'a;b;c;d;e;f',
      }),
    ).toEqual([
      {
        column: 'android_stores',
        message: 'validation.crawlAndroidStores',
        params: { expected: 'HUAWEI;YINGYONGBAO;XIAOMI' },
      },
      { column: 'huawei_app_id', message: 'validation.crawlHuaweiAppId' },
      { column: 'app_search_terms', message: 'validation.crawlSearchTerms', params: { maximum: 5 } },
    ]);
    expect(issuesOf('RSS', 'news', { rsshub_path: `/${'x'.repeat(600)}` })).toEqual([
      { column: 'rsshub_path', message: 'validation.tooLong', params: { maximum: 500 } },
    ]);
    expect(issuesOf('WECHAT', 'gh', { crawl_route: 'pigeon', feed_lists_all_items: 'maybe' })).toEqual([
      { column: 'crawl_route', message: 'validation.crawlRoute', params: { expected: 'official, mp, rss' } },
      { column: 'feed_lists_all_items', message: 'validation.crawlYesNo' },
    ]);
  });
});
