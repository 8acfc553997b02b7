import { describe, expect, it } from 'vitest';
import { BUILT_IN_CALENDAR, compileLexicons, NATIONAL_2019, scoreAccount, STARTER_LEXICONS, type AccountHistory, type CommentFact, type ScoringContext } from '@/lib/scoring';

const AT = new Date('2026-11-25T04:00:00Z');
const H = 3_600_000;
const DAY = 24 * H;
const { matcher, prohibitedDomains } = compileLexicons(STARTER_LEXICONS);
const ctx: ScoringContext = { monitoringAt: AT, edition: NATIONAL_2019, matcher, prohibitedDomains, calendar: BUILT_IN_CALENDAR, reviews: new Map() };
const coverage = new Map(Array.from({ length: 100 }, (_, i) => [new Date(AT.getTime() - i * DAY + 8 * H).toISOString().slice(0, 10), 'COVERED' as const]));
const posts = Array.from({ length: 20 }, (_, i) => ({
  id: `p${i}`, platformId: `p${i}`, url: null, title: null, text: '日常工作动态', publishedAt: new Date(AT.getTime() - (i + 0.5) * DAY), isPinned: false,
  isRepost: false, repostOfText: null, links: [], commentsEnabled: true, deletedAt: null, likes: null, reposts: null, comments: null,
}));
const base = (over: Partial<AccountHistory>): AccountHistory => ({
  account: { id: 'a', platformCode: 'WEIBO', displayName: '江川发布', isApp: false, filingStatus: 'FILED', namingRule: null, isFirstOfAgencyPlatform: true },
  posts, comments: [], snapshots: [], appReleases: [], storeListings: [], linkChecks: [], filedChanges: [], repostTasks: [], coverage,
  nearDuplicateShare: 0, bonusAwards: [], ...over,
});
const rules = (h: AccountHistory) => scoreAccount(h, ctx).findings.map((f) => f.ruleId).sort();

function qa(i: number, replyAfterH: number | null): CommentFact[] {
  const asked = new Date(AT.getTime() - (25 + i) * DAY);
  const q: CommentFact = { id: `q${i}`, postId: 'p1', url: null, text: '请问怎么办理？', publishedAt: asked, isOwnReply: false, replyToId: null };
  return replyAfterH === null ? [q] : [q, { id: `r${i}`, postId: 'p1', url: null, text: '您好，请咨询12345。', publishedAt: new Date(asked.getTime() + replyAfterH * H), isOwnReply: true, replyToId: q.id }];
}

describe('detectors', () => {
  it.each([
    ['all questions answered quickly', [0, 1, 2, 3].flatMap((i) => qa(i, 2)), []],
    ['half unanswered', [0, 1, 2, 3].flatMap((i) => qa(i, i < 2 ? 2 : null)), ['D5.LOW_REPLY_RATE']],
    ['answered after ten days', [0, 1, 2, 3].flatMap((i) => qa(i, 10 * 24)), ['D5.SLOW_REPLIES']],
  ])('D5 replies: %s', (_, comments, expected) => {
    expect(rules(base({ comments })).filter((r) => r.startsWith('D5'))).toEqual(expected);
  });

  it('V3: comments closed on every item of the window is a confirmed veto', () => {
    const closed = posts.map((p) => ({ ...p, commentsEnabled: false }));
    expect(rules(base({ posts: closed }))).toContain('V3.COMMENTS_CLOSED');
  });

  it('V1.4: an unfiled name change is suspected; a filed one is not', () => {
    const snaps = [
      { id: 's1', takenAt: new Date(AT.getTime() - 20 * DAY), displayName: '江川发布', avatarHash: 'a', isVerified: true, followersCount: 100, isInteractionEnabled: true, hasFeedbackChannel: null },
      { id: 's2', takenAt: new Date(AT.getTime() - 2 * DAY), displayName: '潮鞋小铺', avatarHash: 'a', isVerified: true, followersCount: 100, isInteractionEnabled: true, hasFeedbackChannel: null },
    ];
    expect(rules(base({ snapshots: snaps }))).toContain('V1.4.UNFILED_PROFILE_CHANGE');
    expect(rules(base({ snapshots: snaps, filedChanges: [{ effectiveAt: new Date(AT.getTime() - 3 * DAY), fields: ['displayName'] }] }))).not.toContain('V1.4.UNFILED_PROFILE_CHANGE');
  });

  it('D9: followers jumping more than 5× within 7 days', () => {
    const snap = (id: string, d: number, f: number) => ({ id, takenAt: new Date(AT.getTime() - d * DAY), displayName: '江川发布', avatarHash: 'a', isVerified: true, followersCount: f, isInteractionEnabled: true, hasFeedbackChannel: null });
    expect(rules(base({ snapshots: [snap('a', 6, 1000), snap('b', 2, 9000)] }))).toContain('D9.FOLLOWER_JUMP');
    expect(rules(base({ snapshots: [snap('a', 6, 1000), snap('b', 2, 3000)] }))).not.toContain('D9.FOLLOWER_JUMP');
  });

  it('D6: a link failing twice at least an hour apart', () => {
    const check = (id: string, hAgo: number, status: number) => ({ id, url: 'https://gov.example/menu', checkedAt: new Date(AT.getTime() - hAgo * H), httpStatus: status, isFailure: status >= 400 });
    expect(rules(base({ linkChecks: [check('1', 3, 404), check('2', 1, 404)] }))).toContain('D6.DEAD_LINK');
    expect(rules(base({ linkChecks: [check('1', 1.2, 404), check('2', 1, 404)] }))).not.toContain('D6.DEAD_LINK');
    expect(rules(base({ linkChecks: [check('1', 3, 404), check('2', 1, 200)] }))).not.toContain('D6.DEAD_LINK');
  });

  it('D10: a required repost missing by its deadline', () => {
    const task = { id: 't', title: '转发防汛通知', matchTerms: ['防汛'], publishedAt: new Date(AT.getTime() - 5 * DAY), deadline: new Date(AT.getTime() - 2 * DAY) };
    expect(rules(base({ repostTasks: [task] }))).toContain('D10.MISSED_REPOST');
    const done = [...posts, { ...posts[0], id: 'x', platformId: 'x', text: '转发：防汛通知', publishedAt: new Date(AT.getTime() - 4 * DAY) }] as typeof posts;
    expect(rules(base({ posts: done, repostTasks: [task] }))).not.toContain('D10.MISSED_REPOST');
  });

  it('D8: unfiled, naming rule and unverified', () => {
    const h = base({
      account: { id: 'a', platformCode: 'WEIBO', displayName: '潮流资讯', isApp: false, filingStatus: 'UNFILED', namingRule: '发布$', isFirstOfAgencyPlatform: true },
      snapshots: [{ id: 's', takenAt: new Date(AT.getTime() - DAY), displayName: '潮流资讯', avatarHash: null, isVerified: false, followersCount: 1, isInteractionEnabled: true, hasFeedbackChannel: null }],
    });
    expect(rules(h).filter((r) => r.startsWith('D8'))).toEqual(['D8.NAMING_RULE', 'D8.UNFILED', 'D8.UNVERIFIED']);
  });
});
