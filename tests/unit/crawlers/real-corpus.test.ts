import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itunesEnvelopeSchema, itunesSoftwareSchema, softwareResults } from '@/crawlers/platforms/appstore/schemas';
import { toListing, toRelease } from '@/crawlers/platforms/appstore/parse';
import { parseArticlePage } from '@/crawlers/platforms/wechat/article';
import { appmsgListArticles } from '@/crawlers/platforms/wechat/mp';
import { toProfile as wechatProfile } from '@/crawlers/platforms/wechat/profile';
import { cardPosts, isStillTruncated, mblogCards, toComments, toProfile } from '@/crawlers/platforms/weibo/parse';
import {
  envelopeSchema,
  extendDataSchema,
  hotflowDataSchema,
  mblogSchema,
  profileDataSchema,
  timelineDataSchema,
} from '@/crawlers/platforms/weibo/schemas';
import { ParseIssues } from '@/crawlers/tolerant';

// Payloads captured from the live platforms by other public projects (tests/fixtures/real/SOURCES.md). Every file
// must parse with the production parsers, and the values asserted are the ones the sample itself shows.

const REAL = new URL('../../fixtures/real/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, REAL), 'utf8');
const weiboData = (name: string) => {
  const envelope = envelopeSchema.parse(JSON.parse(read(`weibo/${name}`)));
  expect(envelope.ok).toBe(1);
  return envelope.data;
};
/** The 2019 Weibo captures were taken on 15 June 2019 (their relative dates read 06-14, 刚刚). */
const CAPTURED_2019 = new Date('2019-06-15T12:00:00+08:00');

describe('real corpus: every file is covered by a test below', () => {
  it('lists the files this suite reads', () => {
    const files = (dir: string) => readdirSync(new URL(`${dir}/`, REAL)).map((f) => `${dir}/${f}`);
    expect([...files('weibo'), ...files('wechat'), ...files('apps')].sort()).toEqual([...COVERED].sort());
  });
});

const COVERED = [
  'weibo/2019-06-profile-getIndex.json',
  'weibo/2019-07-profile-getIndex.json',
  'weibo/2019-06-timeline-getIndex-page.json',
  'weibo/2019-06-statuses-extend.json',
  'weibo/2019-06-statuses-show.json',
  'weibo/2019-06-comments-show-legacy.json',
  'weibo/2019-06-comments-hotflow.json',
  'wechat/2018-article_detail_iframe.html',
  'wechat/2018-article_detail_mpvoice.html',
  'wechat/2018-article_detail_qqmusic.html',
  'wechat/2018-article_detail_backgroud-image.html',
  'wechat/2018-article_detail_expired.html',
  'wechat/2020-appmsg-list-items.jsonl',
  'wechat/2019-11-shared-article.html',
  'wechat/2020-05-text-post-empty-content.html',
  'wechat/2025-01-text-post-cgiDataNew.html',
  'wechat/2025-10-text-post.html',
  'wechat/2025-11-article.html',
  'wechat/2025-11-image-post-36kr.html',
  'wechat/2025-12-image-post-cgiDataNew.html',
  'wechat/2026-05-image-post-plain-strings.html',
  'wechat/2025-11-deleted-image-post.html',
  'wechat/2026-01-deleted-en.html',
  'wechat/2025-11-violation.html',
  'wechat/2026-01-unavailable.html',
  'apps/itunes-lookup-result-2019.json',
  'apps/itunes-search-2019.json',
];

describe('real corpus: Weibo m.weibo.cn (2019)', () => {
  it('reads both profiles (numbers as numbers, tabs with the timeline container)', () => {
    const a = profileDataSchema.parse(weiboData('2019-06-profile-getIndex.json'));
    expect(toProfile(a.userInfo)).toMatchObject({
      displayName: 'Dear-迪丽热巴',
      followersCount: 63_357_736,
      followingCount: 240,
      postsCount: 1008,
      isVerified: true,
      verifiedType: 0,
    });
    expect(a.tabsInfo?.tabs.find((t) => t.tab_type === 'weibo')?.containerid).toBe('1076031669879400');
    const b = profileDataSchema.parse(weiboData('2019-07-profile-getIndex.json'));
    expect(toProfile(b.userInfo)).toMatchObject({
      displayName: '吃鸡搞笑视频',
      followersCount: 516_615,
      followingCount: 3,
      postsCount: 2153,
      verifiedType: 0,
    });
    expect(b.tabsInfo?.tabs.find((t) => t.tab_type === 'weibo')?.containerid).toBe('1076036100410734');
  });

  it('reads every card of the timeline page, including the link card whose page_title is null', () => {
    const data = timelineDataSchema.parse(weiboData('2019-06-timeline-getIndex-page.json'));
    expect(data.cardlistInfo).toMatchObject({ page: 2 });
    expect(data.cardlistInfo?.since_id ?? null).toBeNull();
    const issues = new ParseIssues();
    const posts = cardPosts(mblogCards(data.cards, issues), '1669879400', CAPTURED_2019, issues);
    expect(issues.list).toEqual([]);
    expect(posts.map((p) => p.platformPostId)).toEqual([
      '4383183661430868',
      '4383180406740606',
      '4382054705416396',
      '4381312410216312',
      '4381207217392722',
      '4380517519047355',
      '4379825714272349',
      '4379188905591760',
      '4378893399854472',
      '4378514142544199',
    ]);
    const link = posts.find((p) => p.platformPostId === '4378893399854472');
    expect(link).toMatchObject({
      url: 'https://weibo.com/1669879400/Hx6npFlB6',
      title: null,
      isLongTextTruncated: false,
    });
    // "06-14" is a day of the capture year, midnight in Beijing.
    expect(posts[0]?.publishedAt.toISOString()).toBe('2019-06-13T16:00:00.000Z');
    expect(posts[1]?.isRepost).toBe(true);
  });

  it('reads /statuses/extend and /statuses/show; the reposted original is still cut (全文 link), the repost is not', () => {
    expect(extendDataSchema.parse(weiboData('2019-06-statuses-extend.json')).longTextContent.length).toBeGreaterThan(
      1000,
    );
    const status = mblogSchema.parse(weiboData('2019-06-statuses-show.json'));
    expect(status).toMatchObject({ id: '4383411844046171', bid: 'HyZVegYAP', text: '转发微博' });
    expect(isStillTruncated(status)).toBe(false);
    expect(status.retweeted_status && isStillTruncated({ isLongText: true, text: status.retweeted_status.text })).toBe(
      true,
    );
  });

  it('reads hotflow comments with their inline reply, and the legacy /api/comments/show list (刚刚)', () => {
    const hotflow = hotflowDataSchema.parse(weiboData('2019-06-comments-hotflow.json'));
    expect(hotflow.max_id).toBe(314_345_666_829_623);
    const issues = new ParseIssues();
    const comments = toComments(hotflow.data, '1669879400', CAPTURED_2019, issues);
    expect(issues.list).toEqual([]);
    expect(comments).toHaveLength(21);
    expect(comments[0]).toMatchObject({
      platformCommentId: '4383183984547669',
      authorPlatformId: '1787569845',
      likesCount: 6183,
      isOwnReply: false,
    });
    expect(comments[0]?.publishedAt.toISOString()).toBe('2019-06-14T12:39:20.000Z');
    expect(comments[1]?.replyToPlatformCommentId).toBe('4383183984547669');

    // The only comment-permission field in the corpus: -1 (approval 0) on a post whose public comments are served.
    // No capture shows another value, so it is not read as open or closed (docs/crawlers.md "Weibo comment permission").
    expect((weiboData('2019-06-comments-hotflow.json') as { status?: unknown }).status).toEqual({
      comment_manage_info: { comment_permission_type: -1, approval_comment_type: 0 },
    });
    expect(comments.filter((c) => !c.isOwnReply)).toHaveLength(21);

    const legacy = weiboData('2019-06-comments-show-legacy.json') as { data: unknown[] };
    const old = toComments(legacy.data, '1669879400', CAPTURED_2019, issues);
    expect(issues.list).toEqual([]);
    expect(old.map((c) => [c.platformCommentId, c.authorPlatformId, c.publishedAt])).toEqual([
      ['4383932071637949', '6020969248', CAPTURED_2019],
      ['4383931988671914', '6978983149', CAPTURED_2019],
    ]);
  });
});

describe('real corpus: WeChat article pages (2018) and MP list items (2020)', () => {
  it.each([
    [
      '2018-article_detail_iframe.html',
      {
        biz: 'MzA4ODUzNjAxOA==',
        aid: '2671068104_7',
        accountName: '共产党员',
        userName: 'gh_9381891f8dd8',
        title: '【视频】石榴花开',
      },
      1521515999,
    ],
    [
      '2018-article_detail_mpvoice.html',
      { biz: 'MjM5ODAyNTcwMA==', aid: '2651788393_1', accountName: '长江日报', userName: 'gh_09f57d9c1048' },
      1521408600,
    ],
    [
      '2018-article_detail_qqmusic.html',
      {
        biz: 'MzIwOTc2ODc1NQ==',
        aid: '2247484727_1',
        accountName: '闲云野鹤古刹',
        userName: 'gh_bdbd9b1b592d',
        title: '关于音乐',
      },
      1523110915,
    ],
    [
      '2018-article_detail_backgroud-image.html',
      { biz: 'ODUzMjkwMzYx', aid: '2654593305_1', accountName: '华商报', title: '4月6日周五【新闻速览一分钟】' },
      1522968980,
    ],
  ])('%s: biz and mid from their `"" || "X"` chains, account, time and body', (file, expected, ct) => {
    const page = parseArticlePage(read(`wechat/${file}`));
    expect(page.kind).toBe('article');
    if (page.kind !== 'article') return;
    expect(page).toMatchObject(expected);
    expect(page.publishedAt?.getTime()).toBe(ct * 1000);
    expect(page.text.length).toBeGreaterThan(0);
    expect(page.text).not.toMatch(/<\/?(p|span|section)\b/);
  });

  it('recognises the expired-link page as a status page', () => {
    expect(parseArticlePage(read('wechat/2018-article_detail_expired.html'))).toEqual({
      kind: 'status',
      state: 'EXPIRED',
    });
  });

  it('reads every appmsg list item (one JSON object per line)', () => {
    const lines = read('wechat/2020-appmsg-list-items.jsonl')
      .split('\n')
      .filter((l) => l.trim() !== '');
    const issues = new ParseIssues();
    const articles = appmsgListArticles(
      lines.map((l) => JSON.parse(l) as unknown),
      issues,
    );
    expect(issues.list).toEqual([]);
    expect(articles).toHaveLength(lines.length);
    expect(articles[0]).toMatchObject({ aid: '2659017567_1', appmsgid: 2659017567, itemidx: 1, item_show_type: 0 });
    expect(articles[0]?.publishedAt.getTime()).toBe(1604670946 * 1000);
  });
});

describe('real corpus: WeChat article pages of 2025–2026 (image, text, shared and ordinary posts; status pages)', () => {
  // wechat-article/wechat-article-exporter `samples/`: pages saved from mp.weixin.qq.com in 2025–2026. Their data
  // sits in `window.cgiDataNew = {…}`; image (8) and text (10) posts have no usable #js_content.
  it.each([
    [
      '2025-11-image-post-36kr.html',
      {
        itemShowType: 8,
        title: '新能源车均价创6年新低，价格战「寒气」侵蚀供应链',
        accountName: '36氪',
        userName: 'gh_240fbf8b33e4',
        alias: 'wow36kr',
        biz: 'MzI2NDk5NzA0Mw==',
        aid: '2248864730_1',
        ipProvince: '北京',
      },
      1762338600,
      '今年，中国汽车行业价格战，寒气越发深入。',
    ],
    [
      '2025-12-image-post-cgiDataNew.html',
      {
        itemShowType: 8,
        title: '20251218 警惕技术泡沫',
        accountName: '趋势动物小程序说明书',
        userName: 'gh_03ba256a8f7e',
        biz: 'MzkyODQ5MTIzNw==',
        aid: '2247490415_1',
        ipProvince: '上海',
        signature: '趋势决定持仓',
      },
      1766049188,
      '分享三个观察：',
    ],
    [
      '2026-05-image-post-plain-strings.html',
      {
        itemShowType: 8,
        title: '英伟达霸权「瓦解」？半导体兴风作浪',
        accountName: '36氪',
        userName: 'gh_240fbf8b33e4',
        biz: 'MzI2NDk5NzA0Mw==',
        aid: '2248889396_1',
      },
      1779506986,
      '5月22日，中国A股半导体板块爆发出恐怖的“吸金”海啸。',
    ],
    [
      '2025-10-text-post.html',
      {
        itemShowType: 10,
        title: 'AI编程带给程序员的危与机',
        accountName: '轩辕的编程宇宙',
        userName: 'gh_fe02be2b2ff0',
        alias: 'xuanyuancoding',
        biz: 'MzIyNjMxOTY0NA==',
        aid: '2247503866_1',
      },
      1759817591,
      '这两年经常听到AI编程要取代程序员的论调，',
    ],
    [
      '2025-01-text-post-cgiDataNew.html',
      {
        itemShowType: 10,
        title: '春节期间，如何利用碎片时间提升英语/数学水平？',
        accountName: '金榜时代官微',
        userName: 'gh_bc6c492e205e',
        alias: 'juliubook',
        biz: 'MzIzNDcyMTI5MQ==',
        aid: '2247655338_1',
        ipProvince: '天津',
        signature: '要考研，找金榜！考数学，更要找金榜！',
      },
      1738231334,
      '一、英语提升\n（一）词汇积累',
    ],
    [
      '2019-11-shared-article.html',
      {
        itemShowType: 0,
        title: '和死神赛跑：趁父亲还在世，我想用人工智能留住他',
        accountName: '阮一峰的网络日志',
        userName: 'gh_2f5c59ad6e1e',
        biz: 'MzI4NjAxNjY4Nw==',
        aid: '2650222329_1',
      },
      1574683643,
      '阮一峰（公众号: ruanyf-blog ) 推荐了《连线》杂志的一篇文章。',
    ],
    [
      '2025-11-article.html',
      {
        itemShowType: 0,
        title: '好险，就差1.5点，两手准备',
        author: '元霸',
        accountName: '波元霸',
        userName: 'gh_139c40f8a7c6',
        biz: 'MzIxMTgzNjE5MA==',
        aid: '2247494261_1',
        signature: '民间掼蛋高手，欢迎切磋。',
        ipProvince: '浙江',
      },
      1762243169,
      '原以为下午2点之前或左右一根大阳线拔起，',
    ],
  ])('%s: account, ids, time and the post text (not the page header)', (file, expected, ct, opening) => {
    const page = parseArticlePage(read(`wechat/${file}`));
    expect(page.kind).toBe('article');
    if (page.kind !== 'article') return;
    expect(page).toMatchObject(expected);
    expect(page.publishedAt?.getTime()).toBe(ct * 1000);
    expect(page.text.startsWith(opening)).toBe(true);
    expect(page.text).not.toMatch(/<\/?(p|span|section|div)\b|\\x0a|&quot;/);
    // The account comes from the page itself, so a text or image post can stand in for the profile.
    expect(wechatProfile({ biz: null, page })?.displayName).toBe(expected.accountName);
  });

  it('a 2020 text post with an empty content_noencode keeps its whole text in the title', () => {
    const page = parseArticlePage(read('wechat/2020-05-text-post-empty-content.html'));
    expect(page).toMatchObject({
      kind: 'article',
      itemShowType: 10,
      accountName: '轩辕的编程宇宙',
      userName: 'gh_fe02be2b2ff0',
      aid: '2247483649_1',
    });
    if (page.kind !== 'article') return;
    expect(page.publishedAt?.getTime()).toBe(1590487813 * 1000);
    expect(page.text).toBe(page.title);
    expect(page.text).toMatch(
      /^大家好，我是轩辕之风，这是新的账号.*感谢大家的关注，轩辕会继续努力创作更多有趣的技术故事🙏🙏$/s,
    );
  });

  it.each([
    ['2025-11-deleted-image-post.html', 'DELETED'],
    ['2026-01-deleted-en.html', 'DELETED'],
    ['2025-11-violation.html', 'VIOLATION'],
    ['2026-01-unavailable.html', 'UNAVAILABLE'],
  ])('%s is the status page %s', (file, state) => {
    expect(parseArticlePage(read(`wechat/${file}`))).toEqual({ kind: 'status', state });
  });
});

describe('real corpus: iTunes (2019)', () => {
  it('reads a lookup result (fileSizeBytes as a string, sellerName distinct from artistName)', () => {
    const app = itunesSoftwareSchema.parse(JSON.parse(read('apps/itunes-lookup-result-2019.json')));
    expect(toRelease(app)).toMatchObject({
      version: '4.21.2',
      appName: "Lowe's Home Improvement",
      rating: 4.5,
      ratingCount: 28395,
      sellerName: "Lowe's Companie's, Inc.",
      sellerId: '457954784',
    });
    expect(toRelease(app).releasedAt?.toISOString()).toBe('2019-02-16T03:32:02.000Z');
  });

  it('reads a search answer', () => {
    const body = itunesEnvelopeSchema.parse(JSON.parse(read('apps/itunes-search-2019.json')));
    expect(body.resultCount).toBe(2);
    const hits = softwareResults(body.results).map((r) => toListing(itunesSoftwareSchema.parse(r)));
    expect(hits[0]).toMatchObject({ storeAppId: '457954781', appName: "Lowe's Home Improvement" });
    expect(hits).toHaveLength(2);
  });
});
