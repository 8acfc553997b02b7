import type { PostInput } from '@/lib/schemas/snapshot';
import type { DemoAccount } from './accounts';
import { postUrl, type DemoHistory } from './history';
import { HOUR_MS } from '@/lib/time';

/** D10 in the demo: the province office asks 临溪县's Weibo accounts to repost a notice; every other one does, in time. */
export const DEMO_REPOST_TASK = {
  title: '转发《关于做好今冬明春森林防火工作的通告》',
  matchTerms: ['今冬明春森林防火'],
  issuerKey: 'prov-office:WEIBO',
  targetAgencyKey: 'jc-ly',
  platformCodes: ['WEIBO'] as const,
  publishedDaysAgo: 12,
  deadlineHours: 72,
  /** An award on G1's account, so the account page and exports show a bonus. */
  bonus: {
    accountKey: 'jc-civil:WEIBO',
    itemCode: 'B1',
    itemName: '政策解读与回应关切表现突出',
    reason: '开展文明创建政策解读系列发布，网民反响积极',
    daysAgo: 6,
  },
};

const ITEM_TEXT = '【通告】为切实做好今冬明春森林防火工作，全省进入森林防火紧要期，严禁野外用火，发现火情请拨打12119。';

export function repostTaskTimes(now: Date) {
  const publishedAt = new Date(now.getTime() - DEMO_REPOST_TASK.publishedDaysAgo * 24 * HOUR_MS);
  return { publishedAt, deadline: new Date(publishedAt.getTime() + DEMO_REPOST_TASK.deadlineHours * HOUR_MS) };
}

const isTarget = (a: DemoAccount) =>
  a.lifecycle !== 'CLOSED' &&
  (DEMO_REPOST_TASK.platformCodes as readonly string[]).includes(a.platformCode) &&
  (a.agencyKey === DEMO_REPOST_TASK.targetAgencyKey || a.agencyKey.startsWith(`${DEMO_REPOST_TASK.targetAgencyKey}-`));

/**
 * Adds the notice to the issuer's history and a repost of it to every other target. Seconds are set to 13 so the
 * ids (id base + unix seconds) cannot meet routine posts, which fall on whole minutes.
 */
export function plantRepostTask(
  now: Date,
  accounts: DemoAccount[],
  histories: Map<string, DemoHistory>,
  idBases: Map<string, number>,
): string | null {
  const issuer = accounts.find((a) => a.key === DEMO_REPOST_TASK.issuerKey);
  const issuerHistory = issuer && histories.get(issuer.key);
  if (!issuer || !issuerHistory) return null;
  const { publishedAt } = repostTaskTimes(now);
  const at = new Date(publishedAt.getTime() + 13_000);
  const id = String((idBases.get(issuer.key) ?? 0) + Math.floor(at.getTime() / 1000));
  const itemUrl = postUrl(issuer, id);
  issuerHistory.posts.push(post(id, itemUrl, ITEM_TEXT, at, false, null));
  accounts
    .filter(isTarget)
    .sort((a, b) => a.key.localeCompare(b.key))
    .forEach((account, i) => {
      const history = histories.get(account.key);
      if (!history || i % 2 === 1) return;
      const repostAt = new Date(at.getTime() + (6 + i) * HOUR_MS);
      const repostId = String((idBases.get(account.key) ?? 0) + Math.floor(repostAt.getTime() / 1000));
      history.posts.push({
        ...post(repostId, postUrl(account, repostId), '转发微博 #森林防火#', repostAt, true, itemUrl),
        repostOfText: ITEM_TEXT,
      });
    });
  return itemUrl;
}

function post(
  id: string,
  url: string,
  text: string,
  publishedAt: Date,
  isRepost: boolean,
  repostOfUrl: string | null,
): PostInput {
  return {
    platformPostId: id,
    url,
    title: null,
    text,
    publishedAt,
    isPinned: false,
    isRepost,
    repostOfText: null,
    repostOfUrl,
    commentsEnabled: true,
    likesCount: 12,
    repostsCount: 3,
    readsCount: null,
    links: [],
    source: '微博网页版',
    comments: [],
  };
}
