import type { PostInput } from '@/lib/schemas/snapshot';
import type { DemoAccount } from './accounts';
import { postUrl, type DemoHistory } from './history';
import { HOUR_MS } from '@/lib/time';

/** Fictional leaders of the fictional 江川省, as an administrator would enter them (V1.1 titles and order). */
export const DEMO_LEADERS_LEXICON = {
  code: 'demo-leaders',
  name: '江川省领导同志（演示）',
  category: 'PROTECTED_TERM' as const,
  licenseNote: 'Fictional names for the demo province.',
  entries: [
    { term: '周正清', data: { titles: ['省委书记'], rank: 1 } },
    { term: '王建国', data: { titles: ['省委副书记', '省长'], rank: 2 } },
    { term: '李国华', data: { titles: ['常务副省长'], rank: 3 } },
    { term: '陈思远', data: { titles: ['副省长'], rank: 4 } },
  ],
};

/** The account whose post calls a deputy governor 省长 (a suspected V1.1 for the demo to show). */
export const DEMO_LEADER_SLIP = { accountKey: 'qs-qsx-propaganda:WEIBO', daysAgo: 4 };

export function plantLeaderMentions(
  now: Date,
  accounts: DemoAccount[],
  histories: Map<string, DemoHistory>,
  idBases: Map<string, number>,
) {
  const account = accounts.find((a) => a.key === DEMO_LEADER_SLIP.accountKey);
  const history = account && histories.get(account.key);
  if (!account || !history) return;
  // :17 seconds past a minute, so the id cannot meet a routine post's (whole minutes).
  const at = new Date(now.getTime() - DEMO_LEADER_SLIP.daysAgo * 24 * HOUR_MS + 17_000);
  const id = String((idBases.get(account.key) ?? 0) + Math.floor(at.getTime() / 1000));
  const text = '【要闻】省长陈思远到青山县调研森林防火工作，要求压实责任、消除隐患，确保群众生命财产安全。';
  const post: PostInput = {
    platformPostId: id,
    url: postUrl(account, id),
    title: null,
    text,
    publishedAt: at,
    isPinned: false,
    isRepost: false,
    repostOfText: null,
    repostOfUrl: null,
    commentsEnabled: true,
    likesCount: 36,
    repostsCount: 5,
    readsCount: null,
    links: [],
    source: '微博网页版',
    comments: [],
  };
  history.posts.push(post);
}
