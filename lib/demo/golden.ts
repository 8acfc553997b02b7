import type { CommentInput, PostInput } from '@/lib/schemas/snapshot';
import { DEMO_GOLDEN_ACCOUNTS, DEMO_TRAIT_ACCOUNTS, type DemoAccount } from './accounts';
import { APP_NAMES } from './names';
import { daysAgo, hoursAfter, postUrl, type DemoHistory } from './history';
import { DAY_MS } from '@/lib/time';

export type PlantContext = { now: Date; account: DemoAccount; idBase: number };
type Planter = (h: DemoHistory, c: PlantContext) => void;

/** Planted items get numeric ids above the routine ones (which are idBase + unix seconds). */
const plantedId = (c: PlantContext, n: number) => String(c.idBase + 9_000_000_000 + n);

function post(c: PlantContext, n: number, text: string, at: Date, extra: Partial<PostInput> = {}): PostInput {
  const id = plantedId(c, n);
  return {
    platformPostId: id,
    url: postUrl(c.account, id),
    text,
    publishedAt: at,
    isPinned: false,
    isRepost: false,
    commentsEnabled: true,
    links: [],
    comments: [],
    ...extra,
  };
}

const citizen = (id: string, name: string, text: string, at: Date): CommentInput => ({
  platformCommentId: id,
  authorName: name,
  authorPlatformId: `59${id.slice(-8)}`,
  isOwnReply: false,
  text,
  publishedAt: at,
});
const ownReply = (c: PlantContext, id: string, to: string, text: string, at: Date): CommentInput => ({
  platformCommentId: id,
  authorName: c.account.displayName,
  authorPlatformId: c.account.handle,
  isOwnReply: true,
  replyToPlatformCommentId: to,
  text,
  publishedAt: at,
});

const keepBefore = (h: DemoHistory, at: Date) => {
  h.posts = h.posts.filter((p) => p.publishedAt < at);
};

/** Each golden case of docs/indicators.md (and the planted traits) as a change to one account's ordinary history. */
export const GOLDEN_PLANTERS: Record<string, Planter> = {
  [DEMO_GOLDEN_ACCOUNTS.G1]: (h, c) =>
    h.posts.push(post(c, 1, '今晚为某嘻哈歌手打call！我们江川的骄傲，冲鸭！', daysAgo(c.now, 3))),
  [DEMO_GOLDEN_ACCOUNTS.G2]: (h, c) => {
    const at = daysAgo(c.now, 4);
    const q = `${plantedId(c, 2)}01`;
    h.posts.push(
      post(c, 2, '【文旅】河西古镇周末举办非遗展演，欢迎游客前来打卡。', at, {
        comments: [
          citizen(q, '游客小王', '上次来排队两小时，服务太差了，再也不来了', hoursAfter(at, 3)),
          ownReply(c, `${q}9`, q, '你最好永远别来！有你不多无你不少！', hoursAfter(at, 4)),
        ],
      }),
    );
  },
  [DEMO_GOLDEN_ACCOUNTS.G3]: (h, c) => {
    const at = daysAgo(c.now, 6);
    const q = `${plantedId(c, 3)}01`;
    h.posts.push(
      post(c, 3, '【通知】青山县城乡居民医保缴费工作开始，请各位参保人按时缴纳。', at, {
        title: '【通知】青山县医保缴费工作开始',
        comments: [
          citizen(q, '村民老李', '请问在外地打工怎么缴费？', hoursAfter(at, 2)),
          ownReply(c, `${q}9`, q, '你不说话没人把你当哑巴', hoursAfter(at, 2.1)),
        ],
      }),
    );
  },
  [DEMO_GOLDEN_ACCOUNTS.G4]: (h, c) => {
    h.posts.push(post(c, 4, '紧急提醒：有人在青山市区投放有毒气球，请家长看好孩子！', daysAgo(c.now, 9)));
    h.posts.push(
      post(c, 5, '以此为准：经核实，“有毒气球”系谣言。之前那个小编已经拜拜了，向大家致歉。', daysAgo(c.now, 8)),
    );
  },
  [DEMO_GOLDEN_ACCOUNTS.G5]: (h, c) => {
    const link = 'http://example-prohibited.invalid/post/1';
    h.posts.push(
      post(c, 6, '转发微博', daysAgo(c.now, 5), {
        isRepost: true,
        repostOfText: `号召颠覆国家政权，详见 ${link}`,
        repostOfUrl: link,
        links: [link],
      }),
    );
  },
  [DEMO_GOLDEN_ACCOUNTS.G6]: (h, c) => {
    // Silent for months: only the first days of its (longer) crawl window have items.
    keepBefore(h, new Date(h.crawlFrom.getTime() + 4 * DAY_MS));
    const burst = daysAgo(c.now, 1);
    for (let i = 0; i < 30; i += 1) {
      h.posts.push(
        post(
          c,
          100 + i,
          `莆田精仿运动鞋，卖鞋清仓，代购正品，加微信 shoes${100 + i} 包邮！`,
          hoursAfter(burst, i * 0.5),
          { source: 'iPhone客户端' },
        ),
      );
    }
  },
  [DEMO_GOLDEN_ACCOUNTS.G7]: (h, c) => keepBefore(h, daysAgo(c.now, 15)),
  [DEMO_GOLDEN_ACCOUNTS.G8]: (h, c) => {
    keepBefore(h, daysAgo(c.now, 15));
    h.coveredUntil = daysAgo(c.now, 10);
    for (let d = 9; d >= 0; d -= 1) h.failedCrawls.push(hoursAfter(daysAgo(c.now, d), -2));
  },
  [DEMO_GOLDEN_ACCOUNTS.G9]: (h, c) =>
    h.posts.push(
      post(
        c,
        7,
        '【公示】2026年农机购置补贴发放名单：张某某 110101199003077571，联系电话13912345678；李某某 110101199003077578。',
        daysAgo(c.now, 7),
        { title: '【公示】农机购置补贴发放名单' },
      ),
    ),
  [DEMO_GOLDEN_ACCOUNTS.G10]: (h, c) => {
    const app = APP_NAMES['jc-office'] ?? { name: '江川市民通', seller: '', sellerId: '' };
    h.appReleases = [26, 20, 14].map((months, i) => ({
      store: 'APP_STORE',
      version: `2.${i + 1}.0`,
      releasedAt: daysAgo(c.now, Math.round(months * 30.5)),
      rating: 2.1,
      ratingCount: 300,
      sellerName: app.seller,
      sellerId: app.sellerId,
      appName: app.name,
      hasFeedbackChannel: true,
    }));
    h.storeListings.push({
      store: 'APP_STORE',
      storeAppId: '6499999001',
      appName: '江川市民通',
      sellerName: '江川某某网络科技有限公司',
      sellerId: '1599999001',
      url: 'https://apps.apple.com/cn/app/id6499999001',
    });
  },
  [DEMO_GOLDEN_ACCOUNTS.G11]: (h, c) =>
    h.posts.push(
      post(c, 8, '请各村务必关注并截图反馈，完成100条下载任务，本周五前报送。', daysAgo(c.now, 2), {
        title: '关于推广“临溪政务”的通知',
      }),
    ),
  [DEMO_TRAIT_ACCOUNTS.typos]: (h, c) => {
    h.posts.push(post(c, 9, '全县医务工作者再接再励，为群众健康保驾护航。', daysAgo(c.now, 6)));
    h.posts.push(post(c, 10, '新院区已完成设备按装，下月投入使用。', daysAgo(c.now, 5)));
  },
  ...Object.fromEntries(
    DEMO_TRAIT_ACCOUNTS.nearingStale.map((key, i): [string, Planter] => [
      key,
      (h, c) => {
        // Last item 11–13 days before `now`: close to the 14-day limit (V2) without crossing it.
        const last = daysAgo(c.now, 11 + i);
        keepBefore(h, last);
        h.posts.push(
          post(c, 20, `【通知】${c.account.displayName}关于近期工作安排的说明，请广大群众留意后续通知。`, last),
        );
      },
    ]),
  ),
};

/** G6 needs a crawl history longer than the others to show months of silence. */
export const LONG_HISTORY_DAYS: Record<string, number> = { [DEMO_GOLDEN_ACCOUNTS.G6]: 120 };
