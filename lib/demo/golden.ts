import type { AppReleaseInput, PostInput, StoreListingInput } from '@/lib/schemas/snapshot';
import { DEMO_GOLDEN_ACCOUNTS } from './accounts';
import { daysAgo, hoursAfter } from './history';

export type DemoHistory = {
  posts: PostInput[];
  /** Instants at which the crawler got HTTP 418 instead of data (G8). */
  failedCrawls: Date[];
  /** Last instant the crawler fully observed; later days are not covered. */
  coveredUntil: Date;
  appReleases: AppReleaseInput[];
  storeListings: StoreListingInput[];
};

const post = (id: string, text: string, at: Date, extra: Partial<PostInput> = {}): PostInput => ({
  platformPostId: id, url: `https://demo.example.invalid/p/${id}`, text, publishedAt: at, isPinned: false, isRepost: false,
  commentsEnabled: true, links: [], comments: [], ...extra,
});

type Planter = (h: DemoHistory, now: Date) => void;

/** Each golden case of indicators.md as a change to one account's ordinary history. */
export const GOLDEN_PLANTERS: Record<string, Planter> = {
  [DEMO_GOLDEN_ACCOUNTS.G1]: (h, now) => h.posts.push(post('g1', '今晚为某嘻哈歌手打call！我们江川的骄傲，冲鸭！', daysAgo(now, 3))),
  [DEMO_GOLDEN_ACCOUNTS.G2]: (h, now) => {
    const at = daysAgo(now, 4);
    h.posts.push(post('g2', '【文旅】河西古镇周末举办非遗展演，欢迎游客前来打卡。', at, {
      comments: [
        { platformCommentId: 'g2-q', authorName: '游客小王', isOwnReply: false, text: '上次来排队两小时，服务太差了，再也不来了', publishedAt: hoursAfter(at, 3) },
        { platformCommentId: 'g2-r', authorName: '河西宣传', isOwnReply: true, replyToPlatformCommentId: 'g2-q', text: '你最好永远别来！有你不多无你不少！', publishedAt: hoursAfter(at, 4) },
      ],
    }));
  },
  [DEMO_GOLDEN_ACCOUNTS.G3]: (h, now) => {
    const at = daysAgo(now, 6);
    h.posts.push(post('g3', '【通知】青山县医保缴费工作开始，请各位参保人按时缴纳。', at, {
      title: '【通知】青山县医保缴费工作开始',
      comments: [
        { platformCommentId: 'g3-q', authorName: '村民老李', isOwnReply: false, text: '请问在外地打工怎么缴费？', publishedAt: hoursAfter(at, 2) },
        { platformCommentId: 'g3-r', authorName: '青山县政府办', isOwnReply: true, replyToPlatformCommentId: 'g3-q', text: '你不说话没人把你当哑巴', publishedAt: hoursAfter(at, 2.1) },
      ],
    }));
  },
  [DEMO_GOLDEN_ACCOUNTS.G4]: (h, now) => {
    h.posts.push(post('g4-a', '紧急提醒：有人在青山市区投放有毒气球，请家长看好孩子！', daysAgo(now, 9)));
    h.posts.push(post('g4-b', '以此为准：经核实，“有毒气球”系谣言。之前那个小编已经拜拜了，向大家致歉。', daysAgo(now, 8)));
  },
  [DEMO_GOLDEN_ACCOUNTS.G5]: (h, now) =>
    h.posts.push(post('g5', '转发微博', daysAgo(now, 5), {
      isRepost: true, repostOfText: '号召颠覆国家政权，详见 http://example-prohibited.invalid/post/1', repostOfUrl: 'http://example-prohibited.invalid/post/1',
      links: ['http://example-prohibited.invalid/post/1'],
    })),
  [DEMO_GOLDEN_ACCOUNTS.G6]: (h, now) => {
    h.posts = h.posts.filter((p) => p.publishedAt < daysAgo(now, 59));
    for (let i = 0; i < 30; i += 1) {
      h.posts.push(post(`g6-${i}`, `莆田精仿运动鞋，卖鞋清仓，代购正品，加微信 shoes${100 + i} 包邮！`, hoursAfter(daysAgo(now, 1), i * 0.5)));
    }
  },
  [DEMO_GOLDEN_ACCOUNTS.G7]: (h, now) => {
    h.posts = h.posts.filter((p) => p.publishedAt < daysAgo(now, 15));
  },
  [DEMO_GOLDEN_ACCOUNTS.G8]: (h, now) => {
    h.posts = h.posts.filter((p) => p.publishedAt < daysAgo(now, 15));
    h.coveredUntil = daysAgo(now, 10);
    for (let d = 9; d >= 0; d -= 1) h.failedCrawls.push(hoursAfter(daysAgo(now, d), -2));
  },
  [DEMO_GOLDEN_ACCOUNTS.G9]: (h, now) =>
    h.posts.push(post('g9', '【公示】2026年农机购置补贴发放名单：张某某 110101199003077571，联系电话13912345678；李某某 110101199003077578。', daysAgo(now, 7), { title: '【公示】农机购置补贴发放名单' })),
  [DEMO_GOLDEN_ACCOUNTS.G10]: (h, now) => {
    h.appReleases = [{ store: 'APP_STORE', version: '2.3.1', releasedAt: daysAgo(now, 14 * 30), rating: 2.1, ratingCount: 300, sellerName: '白沙市大数据发展中心', sellerId: '1500000001', appName: '白沙市民通' }];
    h.storeListings = [{ store: 'APP_STORE', storeAppId: '6499999001', appName: '白沙市民通', sellerName: '某某网络科技有限公司', sellerId: '1599999001', url: 'https://apps.example.invalid/6499999001' }];
  },
  [DEMO_GOLDEN_ACCOUNTS.G11]: (h, now) =>
    h.posts.push(post('g11', '请各村务必关注并截图反馈，完成100条下载任务，本周五前报送。', daysAgo(now, 2), { title: '关于推广“临溪政务”的通知' })),
  'jc-ly-health:WEIBO': (h, now) => {
    h.posts.push(post('typo-1', '全县医务工作者再接再励，为群众健康保驾护航。', daysAgo(now, 6)));
    h.posts.push(post('typo-2', '新院区已完成设备按装，下月投入使用。', daysAgo(now, 5)));
  },
  'bs-health:WEIBO': (h, now) => {
    h.posts = h.posts.filter((p) => p.publishedAt < daysAgo(now, 11));
  },
  'jc-ly-town:WECHAT': (h, now) => {
    h.posts = h.posts.filter((p) => p.publishedAt < daysAgo(now, 12));
  },
};
